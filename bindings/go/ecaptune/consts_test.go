// SPDX-License-Identifier: MIT

package ecaptune

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Every exported constant is a Go literal with a doc comment (go doc shows
// its value and meaning, not C.ECAP_...), and one whose doc names its C
// constant ("is ECAP_X" or "C: ECAP_X") is checked against the header in
// cconsts.go.  tools/go-consts.py converts a constant written as C.ECAP_X.
func TestConstantsAreDocumentedGoLiterals(t *testing.T) {
	checks, err := os.ReadFile("cconsts.go")
	if err != nil {
		t.Fatal(err)
	}
	named := regexp.MustCompile(`(?:\bis |\bC: )(ECAP_[A-Z0-9_]+)\b`)
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	count := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || name == "cconsts.go" {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			gen, ok := decl.(*ast.GenDecl)
			if !ok || gen.Tok != token.CONST {
				continue
			}
			for _, spec := range gen.Specs {
				vs := spec.(*ast.ValueSpec)
				doc := vs.Doc
				if doc == nil && len(gen.Specs) == 1 {
					doc = gen.Doc
				}
				for i, id := range vs.Names {
					if !id.IsExported() {
						continue
					}
					count++
					pos := fset.Position(id.Pos())
					if i < len(vs.Values) {
						if sel, ok := vs.Values[i].(*ast.SelectorExpr); ok {
							if x, ok := sel.X.(*ast.Ident); ok && x.Name == "C" {
								t.Errorf("%s: %s = C.%s: a Go literal is wanted (tools/go-consts.py)",
									pos, id.Name, sel.Sel.Name)
							}
						}
					}
					if doc == nil || strings.TrimSpace(doc.Text()) == "" {
						t.Errorf("%s: %s has no doc comment", pos, id.Name)
						continue
					}
					m := named.FindAllStringSubmatch(doc.Text(), -1)
					if len(m) == 0 || strings.HasPrefix(id.Name, "Version") || id.Name == "HeaderVersion" {
						continue
					}
					check := id.Name + "-C." + m[len(m)-1][1]
					if !strings.Contains(string(checks), check) {
						t.Errorf("%s: %s is not checked against %s in cconsts.go (tools/go-consts.py)",
							pos, id.Name, m[len(m)-1][1])
					}
				}
			}
		}
	}
	if count < 100 {
		t.Fatalf("found %d exported constants; the parse missed them", count)
	}
}
