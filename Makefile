# The two commands of the README:
#   make run    — install what is missing, build, run the app on the built-in knowledge base
#   make check  — install what is missing, build, run the whole test suite (also under ASan/UBSan)
BUILD ?= build
ASAN_BUILD ?= build-asan
MESON_FLAGS ?= --buildtype=debugoptimized

.PHONY: all deps build build-asan run check bench clean

all: build

deps:
	@tools/install-deps

$(BUILD)/build.ninja:
	meson setup $(BUILD) $(MESON_FLAGS) -Dwerror=true

$(ASAN_BUILD)/build.ninja:
	meson setup $(ASAN_BUILD) --buildtype=debug -Dwerror=true \
	  -Db_sanitize=address,undefined -Db_lundef=false -Dc_args=-fno-sanitize-recover=all

build: deps $(BUILD)/build.ninja
	meson compile -C $(BUILD)

build-asan: deps $(ASAN_BUILD)/build.ninja
	meson compile -C $(ASAN_BUILD)

run: build
	tools/run-app $(BUILD)

check: build build-asan
	tools/run-tests $(BUILD) $(ASAN_BUILD)

bench: build
	$(BUILD)/tests/bench/lots-bench-search --lotsctl $(BUILD)/src/cli/lotsctl
	LOTS_BUILTIN_DIR=$(CURDIR) $(BUILD)/tests/bench/lots-bench-guide
	LOTS_BUILTIN_DIR=$(CURDIR) $(BUILD)/tests/bench/lots-bench-caselog
	LOTS_BUILTIN_DIR=$(CURDIR) $(BUILD)/tests/bench/lots-bench-upload
	LOTS_BUILTIN_DIR=$(CURDIR) $(BUILD)/tests/bench/lots-bench-sync --lotsctl $(BUILD)/src/cli/lotsctl
	LOTS_BUILTIN_DIR=$(CURDIR) GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=$(BUILD)/ui \
	  tests/bench/run-bench-app $(BUILD)/tests/bench/lots-bench-search $(BUILD)/tests/bench/lots-bench-app \
	  $(BUILD)/src/cli/lotsctl knowledge

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
