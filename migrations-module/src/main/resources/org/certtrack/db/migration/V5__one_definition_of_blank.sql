-- One definition of "blank", the same in Java (org.certtrack.internal.Require.BLANK) and here: a name,
-- specialty or title is blank when every character in it is one of these 39 code points, and such a
-- value is rejected. They are what Java calls whitespace or a space character (Character.isWhitespace,
-- Character.isSpaceChar: tab, line feed, VT, FF, CR, U+001C-U+001F, space, no-break space U+00A0,
-- U+1680, U+2000-U+200A (en, em and other spaces), U+2028, U+2029, U+202F, U+205F, ideographic space
-- U+3000) plus characters that show nothing: next line U+0085, the Hangul fillers U+115F, U+1160,
-- U+3164 and U+FFA0, Mongolian vowel separator U+180E, zero width space, non-joiner and joiner
-- U+200B-U+200D, word joiner U+2060 and the byte order mark U+FEFF. V1's checks knew only space, tab,
-- CR and LF. The database maps each of them to a space and trims: what is left must not be empty.
-- The constraints keep their names; an existing row that breaks the new rule stops this migration,
-- naming the constraint (PostgreSQL then rolls it back). Runs unchanged on PostgreSQL and H2
-- (PostgreSQL's CHR takes a code point in a UTF8 database, as certtrack's are).

ALTER TABLE instructors DROP CONSTRAINT ck_instructors_name_not_blank;
ALTER TABLE instructors ADD CONSTRAINT ck_instructors_name_not_blank
    CHECK (TRIM(TRANSLATE(name,
        CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || CHR(28) || CHR(29) || CHR(30) || CHR(31) || CHR(133) || CHR(160) || CHR(4447) || CHR(4448) || CHR(5760) || CHR(6158) || CHR(8192) || CHR(8193) || CHR(8194) || CHR(8195) || CHR(8196) || CHR(8197) || CHR(8198) || CHR(8199) || CHR(8200) || CHR(8201) || CHR(8202) || CHR(8203) || CHR(8204) || CHR(8205) || CHR(8232) || CHR(8233) || CHR(8239) || CHR(8287) || CHR(8288) || CHR(12288) || CHR(12644) || CHR(65279) || CHR(65440),
        '                                      ')) <> '');

ALTER TABLE engineers DROP CONSTRAINT ck_engineers_name_not_blank;
ALTER TABLE engineers ADD CONSTRAINT ck_engineers_name_not_blank
    CHECK (TRIM(TRANSLATE(name,
        CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || CHR(28) || CHR(29) || CHR(30) || CHR(31) || CHR(133) || CHR(160) || CHR(4447) || CHR(4448) || CHR(5760) || CHR(6158) || CHR(8192) || CHR(8193) || CHR(8194) || CHR(8195) || CHR(8196) || CHR(8197) || CHR(8198) || CHR(8199) || CHR(8200) || CHR(8201) || CHR(8202) || CHR(8203) || CHR(8204) || CHR(8205) || CHR(8232) || CHR(8233) || CHR(8239) || CHR(8287) || CHR(8288) || CHR(12288) || CHR(12644) || CHR(65279) || CHR(65440),
        '                                      ')) <> '');

ALTER TABLE engineers DROP CONSTRAINT ck_engineers_specialty_not_blank;
ALTER TABLE engineers ADD CONSTRAINT ck_engineers_specialty_not_blank
    CHECK (TRIM(TRANSLATE(specialty,
        CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || CHR(28) || CHR(29) || CHR(30) || CHR(31) || CHR(133) || CHR(160) || CHR(4447) || CHR(4448) || CHR(5760) || CHR(6158) || CHR(8192) || CHR(8193) || CHR(8194) || CHR(8195) || CHR(8196) || CHR(8197) || CHR(8198) || CHR(8199) || CHR(8200) || CHR(8201) || CHR(8202) || CHR(8203) || CHR(8204) || CHR(8205) || CHR(8232) || CHR(8233) || CHR(8239) || CHR(8287) || CHR(8288) || CHR(12288) || CHR(12644) || CHR(65279) || CHR(65440),
        '                                      ')) <> '');

ALTER TABLE certificates DROP CONSTRAINT ck_certificates_title_not_blank;
ALTER TABLE certificates ADD CONSTRAINT ck_certificates_title_not_blank
    CHECK (TRIM(TRANSLATE(title,
        CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || CHR(28) || CHR(29) || CHR(30) || CHR(31) || CHR(133) || CHR(160) || CHR(4447) || CHR(4448) || CHR(5760) || CHR(6158) || CHR(8192) || CHR(8193) || CHR(8194) || CHR(8195) || CHR(8196) || CHR(8197) || CHR(8198) || CHR(8199) || CHR(8200) || CHR(8201) || CHR(8202) || CHR(8203) || CHR(8204) || CHR(8205) || CHR(8232) || CHR(8233) || CHR(8239) || CHR(8287) || CHR(8288) || CHR(12288) || CHR(12644) || CHR(65279) || CHR(65440),
        '                                      ')) <> '');
