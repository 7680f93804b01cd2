/* libFuzzer harness: the date and time parsers, and formatting what they accept. */
#include "fuzz.h"
#include "model/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cdate d;
	struct ctime t;
	char s[256], err[256], out[64];

	if (size >= sizeof(s))
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (date_parse(s, &d, err, sizeof(err)) == 0) {
		date_format(&d, out, sizeof(out));
		date_iso(&d, out, sizeof(out));
		if (d.prec != DATE_NONE && date_first_day(&d) > date_last_day(&d))
			abort();	/* a date must not end before it starts */
		age_format(&d, date_last_day(&d), out, sizeof(out));
	}
	if (time_parse(s, &t, err, sizeof(err)) == 0)
		time_format(&t, out, sizeof(out));
	return 0;
}
