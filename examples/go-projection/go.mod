module github.com/ecap/libecaptune/examples/go-projection

go 1.24

require github.com/ecap/libecaptune/bindings/go v0.0.0-00010101000000-000000000000

replace github.com/ecap/libecaptune/bindings/go => ../../bindings/go
