module github.com/narvark/narvark/sdks/conformance/go

go 1.19

require github.com/narvark/narvark/sdks/go v0.0.0

replace github.com/narvark/narvark/sdks/go => ../../go
