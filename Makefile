# Granular: every command a user needs. `make demo` and `make test` do everything on a fresh machine.
SHELL := /bin/bash
.DEFAULT_GOAL := help
MVN ?= mvn -B -q
JAR := streams-app/target/granular.jar
GRANULAR := java -jar $(JAR)
# The benchmarks and the load generator have their own jar, so that the app jar holds only the product.
BENCH_JAR := bench/target/granular-bench.jar
BENCH := java -jar $(BENCH_JAR)
# The app's JVM flags: config/jvm.options, unless GRANULAR_JVM_OPTS is set (the benchmark reads the same).
GRANULAR_JVM_OPTS ?= $(shell sed 's/\#.*//' config/jvm.options 2>/dev/null)
APP := java $(GRANULAR_JVM_OPTS) -jar $(JAR)
RUN := .run
SOURCES := $(shell find avro clickhouse-sink/src streams-app/src test-fixtures/src bench/src config -type f 2>/dev/null) pom.xml */pom.xml

.PHONY: help version build lint test oracle bench bench-full chaos chaos-full services-up services-down cluster-up cluster-down test-cluster migrate run demo demo-stop topology-docs clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

version: ## Print the version
	@sed -n '0,/<version>/s:.*<version>\(.*\)</version>.*:\1:p' pom.xml

$(JAR): $(SOURCES)
	$(MVN) install -DskipTests

# Built by the same `mvn install`, after the app jar.
$(BENCH_JAR): $(JAR)
	@test -f $@ || $(MVN) install -DskipTests

build: $(JAR) $(BENCH_JAR) ## Build streams-app/target/granular.jar (the app) and bench/target/granular-bench.jar (benchmarks, load generator)

lint: ## Compile with all javac warnings as errors, enforce dependency convergence, forbid package cycles, check shell scripts
	$(MVN) verify -Dtest=ArchitectureTest -Dsurefire.failIfNoSpecifiedTests=false
	@for f in services/*.sh .ci/run; do bash -n "$$f" || exit 1; done
	@echo "lint: ok"

services-up: ## Start local Kafka (127.0.0.1:9092) and ClickHouse (127.0.0.1:8123), reusing running ones
	@services/clickhouse.sh up
	@services/kafka.sh up

services-down: ## Stop the services this checkout started
	-@$(MAKE) --no-print-directory demo-stop
	@services/kafka.sh down
	@services/clickhouse.sh down

# The cluster's own ports and directories (.run/cluster), so it runs beside the single-node services.
CLUSTER_KAFKA = KAFKA_BROKERS=3 KAFKA_PORT=9192 KAFKA_DIR=$(CURDIR)/.run/cluster/kafka

cluster-up: ## Start a 3-broker Kafka (127.0.0.1:9192,9194,9196), ZooKeeper (:2181) and ClickHouse 2 shards x 2 replicas (HTTP :8131-8134)
	@$(CLUSTER_KAFKA) services/kafka.sh up
	@services/zookeeper.sh up
	@services/clickhouse-cluster.sh up

test-cluster: ## Integration tests on the local cluster (run make cluster-up first)
	$(MVN) install -DskipTests
	$(MVN) -pl clickhouse-sink,streams-app surefire:test -Dgroups=cluster -Dtest.excludedGroups=none -Dsurefire.printSummary=true

cluster-down: ## Stop the cluster this checkout started
	@services/clickhouse-cluster.sh down
	@services/zookeeper.sh down
	@$(CLUSTER_KAFKA) services/kafka.sh down

migrate: build ## Create the ClickHouse database/tables and Kafka topics (idempotent)
	$(GRANULAR) migrate

run: build ## Run the app in the foreground
	$(APP) run

# -q hides Maven's own INFO lines; the logger override keeps surefire's: each test's name and time, failures with their
# message and test frames, and the totals. Logs of the tests: */target/test.log; their output: */target/surefire-reports.
test: services-up ## Unit tests plus integration tests on the real broker and ClickHouse
	$(MVN) install -Dsurefire.printSummary=true -Dorg.slf4j.simpleLogger.log.org.apache.maven.plugin.surefire=info
	@cat */target/surefire-reports/TEST-*.xml | grep -o '<testsuite [^>]*>' | \
	  sed -E 's/.* tests="([0-9]+)".* errors="([0-9]+)".* skipped="([0-9]+)".* failures="([0-9]+)".*/\1 \2 \3 \4/' | \
	  awk '{t+=$$1; e+=$$2; s+=$$3; f+=$$4} END {printf "tests: %d passed, %d failed, %d skipped\n", t-e-s-f, e+f, s}'

oracle: services-up ## The differential test against the in-memory oracle with 2,000 random cases (seed printed; ORACLE_SEED=S replays)
	$(MVN) install -DskipTests
	$(MVN) -pl clickhouse-sink surefire:test -Dtest=OracleDifferentialIT -Doracle.cases=2000 $(if $(ORACLE_SEED),-Doracle.seed=$(ORACLE_SEED))

bench: build services-up ## Benchmarks P1-P6 at the default size (about 20 minutes on 2 cores); writes BENCHMARKS.md, benchmarks.json and bench-capacity.svg
	$(BENCH) bench --size default --invoked-as "make bench"

bench-full: build services-up ## The benchmarks at the issue's full sizes (1M events, 10M of history, 1M whale users); much longer
	$(BENCH) bench --size full --invoked-as "make bench-full"

chaos: build services-up ## Faults with figures (SIGKILLs, ClickHouse stopped/hung, a broker killed, rebalance, definitions churn) on ~510K events; writes RELIABILITY.md and reliability.json (within 20 minutes)
	$(BENCH) chaos --size default --invoked-as "make chaos"

chaos-full: build services-up ## The same scenarios on a load four times larger; much longer
	$(BENCH) chaos --size full --invoked-as "make chaos-full"

demo: services-up build ## Start everything, feed a sample load, and show what landed
	$(GRANULAR) migrate
	@if [ -f $(RUN)/app.pid ] && kill -0 $$(cat $(RUN)/app.pid) 2>/dev/null; then echo "app: already running (pid $$(cat $(RUN)/app.pid))"; \
	else mkdir -p $(RUN); GRANULAR_STATE_DIR=$(PWD)/$(RUN)/streams nohup $(APP) run > $(RUN)/app.log 2>&1 & echo $$! > $(RUN)/app.pid; \
	  echo "app: started (pid $$(cat $(RUN)/app.pid), log $(RUN)/app.log)"; fi
	@run=demo-$$(date +%s); \
	$(GRANULAR) sample-load --events 5000 --workspaces 3 --run-id $$run && \
	$(GRANULAR) summary --run-id $$run --wait-for 5000 --computed --timeout PT3M
	@echo; echo "Everything is still running. Stop it all with: make services-down"

demo-stop: ## Stop the app started by make demo
	@if [ -f $(RUN)/app.pid ] && kill -0 $$(cat $(RUN)/app.pid) 2>/dev/null; then kill $$(cat $(RUN)/app.pid); echo "app: stopped"; fi; rm -f $(RUN)/app.pid

topology-docs: build ## Regenerate topology-docs/ from the production topology
	$(GRANULAR) describe --out topology-docs

clean: ## Remove build output (not service data)
	$(MVN) clean
