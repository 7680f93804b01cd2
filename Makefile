# cspr: build, demo, tests and install. `make demo` and `make check` install
# missing Debian packages themselves when run as root (see tools/deps.sh).

PREFIX	?= /usr/local
DESTDIR	?=
BINDIR	 = $(PREFIX)/bin
DATADIR	 = $(PREFIX)/share/cspr
MANDIR	 = $(PREFIX)/share/man

O	?= build
CC	?= cc
PKGS	 = libxml-2.0 libzip libcmark-gfm zlib libunibreak libutf8proc libpcre2-8 poppler-glib
CSTD	 = -std=c17 -D_POSIX_C_SOURCE=200809L
WARN	 = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CFLAGS	?= -O2 -g
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS = $(CSTD) $(WARN) $(CFLAGS) -pthread $(PKG_CFLAGS) -DCSPR_DATADIR='"$(DATADIR)"' -MMD -MP
LIBS	 = $(PKG_LIBS) -lcmark-gfm-extensions -lhpdf -lm -pthread

SRCS	 = $(sort $(wildcard src/*.c src/*/*.c src/*/*/*.c))
LIBSRCS	 = $(filter-out src/main.c,$(SRCS))
OBJS	 = $(SRCS:%.c=$(O)/%.o)
LIBOBJS	 = $(LIBSRCS:%.c=$(O)/%.o)
SCHEMAS	 = $(sort $(wildcard schemas/*.xsd))
UNITSRC	 = $(sort $(wildcard tests/unit/test_*.c))
UNITBIN	 = $(UNITSRC:tests/unit/%.c=$(O)/tests/%)

BIN	 = $(O)/cspr

.PHONY: all demo check test unit deps-build deps-test install uninstall clean bench

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

check: deps-build deps-test
	@$(MAKE) --no-print-directory all unit
	@sh tests/run.sh $(O)

test: check

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
	rm -rf $(O) tests/tmp

-include $(OBJS:.o=.d)
