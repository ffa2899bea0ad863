# The two commands: `make run` and `make test`. See README.md.
.PHONY: run test bench clean

run:
	@bash scripts/run.sh

test:
	@bash scripts/test.sh

bench:
	@bash scripts/bench.sh

clean:
	rm -rf build web/dist
