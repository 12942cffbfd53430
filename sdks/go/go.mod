module github.com/narvark/narvark/sdks/go

go 1.19
