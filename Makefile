# cspr: build, demo, tests and install. `make demo` and `make check` install
# missing Debian packages themselves when run as root (see tools/deps.sh).

PREFIX	?= /usr/local
DESTDIR	?=
BINDIR	 = $(PREFIX)/bin
DATADIR	 = $(PREFIX)/share/cspr
MANDIR	 = $(PREFIX)/share/man

O	?= build
CC	?= cc
PKGS	 = libxml-2.0 libzip libdeflate libcmark-gfm libpng libunibreak libutf8proc libpcre2-8 icu-i18n poppler-glib harfbuzz harfbuzz-subset
CSTD	 = -std=c17 -D_POSIX_C_SOURCE=200809L
WARN	 = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CFLAGS	?= -O2 -g
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS = $(CSTD) $(WARN) $(CFLAGS) $(PKG_CFLAGS) -DCSPR_DATADIR='"$(DATADIR)"' -MMD -MP
LIBS	 = $(PKG_LIBS) -lcmark-gfm-extensions -lm

SRCS	 = $(sort $(wildcard src/*.c src/*/*.c src/*/*/*.c))
LIBSRCS	 = $(filter-out src/main.c,$(SRCS))
OBJS	 = $(SRCS:%.c=$(O)/%.o)
LIBOBJS	 = $(LIBSRCS:%.c=$(O)/%.o)
SCHEMAS	 = $(sort $(wildcard schemas/*.xsd))
UNITSRC	 = $(sort $(wildcard tests/unit/test_*.c))
UNITBIN	 = $(UNITSRC:tests/unit/%.c=$(O)/tests/%)

BIN	 = $(O)/cspr

.PHONY: all demo check test unit deps-build deps-test install uninstall clean bench \
	check-asan check-valgrind lint fuzz

all: $(BIN)

$(BIN): $(OBJS) $(O)/schemas.o
	$(CC) $(CFLAGS) -o $@ $(OBJS) $(O)/schemas.o $(LIBS)

$(O)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The XML schemas are compiled into the binary, so validation never
# depends on where (or whether) cspr is installed.
$(O)/schemas.c: $(SCHEMAS) tools/embed.sh
	@mkdir -p $(@D)
	sh tools/embed.sh $(SCHEMAS) > $@.tmp && mv $@.tmp $@

$(O)/schemas.o: $(O)/schemas.c
	$(CC) $(CSTD) $(CFLAGS) -c -o $@ $<

$(O)/tests/%: tests/unit/%.c $(LIBOBJS) $(O)/schemas.o
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(LIBOBJS) $(O)/schemas.o $(LIBS) -lcmocka

unit: $(UNITBIN)

deps-build:
	@sh tools/deps.sh build

deps-test:
	@sh tools/deps.sh test

demo: deps-build
	@$(MAKE) --no-print-directory all
	@for c in fixtures/cases/*/; do \
		echo "cspr build $$c -o out"; \
		$(BIN) build "$$c" -o out || exit 1; \
	done
	@ls -l out/*/

# T="GROUP..." runs only those groups of tests (tests/README.md).
check: deps-build deps-test
	@$(MAKE) --no-print-directory all unit
	@sh tests/run.sh $(O) $(T)

test: check

# The whole suite again on a clang build with AddressSanitizer and
# UndefinedBehaviorSanitizer: any report stops the binary (exit 99 from
# a sanitizer is never what a test expects).
ASAN_FLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
	-fno-sanitize-recover=all
check-asan: deps-build deps-test
	@$(MAKE) --no-print-directory O=build-asan CC=clang CFLAGS="$(ASAN_FLAGS)" \
	 all unit
	@ASAN_OPTIONS=exitcode=99:detect_leaks=1:abort_on_error=0 \
	 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	 UBSAN_OPTIONS=exitcode=99:print_stacktrace=1:halt_on_error=1 \
	 CSPR_TEST_TMP=tests/tmp-asan sh tests/run.sh build-asan $(T)

# The whole suite with every cspr run under valgrind's memcheck.
check-valgrind: deps-build deps-test
	@$(MAKE) --no-print-directory O=build-vg all unit
	@CSPR_NO_JIT=1 CSPR_WRAP="valgrind -q --error-exitcode=99 --leak-check=full \
	 --errors-for-leak-kinds=definite --show-leak-kinds=definite \
	 --suppressions=$(CURDIR)/tests/valgrind.supp" \
	 CSPR_TEST_TMP=tests/tmp-valgrind sh tests/run.sh build-vg $(T)

# Static analysis, with the checks docs/design.md lists.
lint: deps-build
	@sh tools/lint.sh

# libFuzzer harnesses (tests/fuzz/), FUZZ_TIME seconds each.
FUZZ_TIME ?= 600
fuzz: deps-build deps-test
	@LIBS="$(LIBS)" PKG_CFLAGS="$(PKG_CFLAGS)" sh tools/fuzz.sh $(FUZZ_TIME)

bench: deps-build
	@sh tools/deps.sh bench
	@$(MAKE) --no-print-directory all
	@sh tests/bench.sh $(O)

install: $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/templates $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/cspr
	install -m 644 templates/* $(DESTDIR)$(DATADIR)/templates/
	install -m 644 docs/cspr.1 $(DESTDIR)$(MANDIR)/man1/cspr.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/cspr $(DESTDIR)$(MANDIR)/man1/cspr.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf $(O) build-asan build-vg build-fuzz tests/tmp tests/tmp-asan tests/tmp-valgrind

-include $(OBJS:.o=.d)
