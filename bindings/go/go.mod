module github.com/ecap/libecaptune/bindings/go

go 1.24
