# Todoke: the two commands are `make run` and `make test`; see README.md.
SHELL := /bin/bash
MVN := ./mvnw -B -ntp
export OMP_THREAD_LIMIT := 1

.PHONY: run test bench build deps deps-test clean samples

## Install what is missing, build, start the app with its local Elasticsearch and database, feed the samples.
run: deps build
	scripts/run.sh

## The whole test suite: unit, integration (real Elasticsearch, H2 and PostgreSQL, Tesseract) and browser tests.
test: deps-test
	scripts/test-postgres.sh run -- $(MVN) verify

## Benchmarks: OCR accuracy and speed, search latency. Tables go to docs/BENCHMARKS.md by hand.
bench: deps-test build
	scripts/bench.sh

build: deps review-ui/target/todoke.jar

# Built again only when a source, a POM or the configuration changed since the last jar.
SOURCES := $(shell find pom.xml */pom.xml */src config -type f 2>/dev/null)
review-ui/target/todoke.jar: $(SOURCES)
	$(MVN) -q -DskipTests package
	@touch $@

## Regenerate the committed sample faxes.
samples: build
	scripts/todoke-java.sh io.todoke.tools.samples.SampleGenerator --out samples --count 8 --seed 1
	scripts/todoke-java.sh io.todoke.tools.samples.SampleGenerator --out samples --count 1 --seed 1 --first 9 --format pdf-text
	scripts/todoke-java.sh io.todoke.tools.samples.SampleGenerator --out samples --count 1 --seed 1 --first 10 --format png
	scripts/todoke-java.sh io.todoke.tools.samples.SampleGenerator --out samples --count 1 --seed 1 --first 11 --format jpeg
	n=12; for form in tuberculosis syphilis measles pertussis ehec; do \
	  scripts/todoke-java.sh io.todoke.tools.samples.SampleGenerator --out samples --count 1 --seed 1 --first $$n \
	    --layout config/forms/$$form-notification/layout.json; n=$$((n + 1)); done
	scripts/todoke-java.sh io.todoke.tools.samples.BadInputs samples/bad

deps:
	scripts/install-deps.sh run

deps-test:
	scripts/install-deps.sh test

clean:
	$(MVN) -q clean
