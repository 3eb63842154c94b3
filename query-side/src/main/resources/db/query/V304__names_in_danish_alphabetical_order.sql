-- Venue and partner lists are sorted by name. The cluster's collation (C.UTF-8, see EmbeddedPostgresServer) orders
-- by code point, which puts Å before Æ and Ø; the Danish alphabet ends Æ, Ø, Å. The lists sort with this collation,
-- ICU's Danish one where the server has ICU (the embedded one does), else by code point as before.
DO $$
BEGIN
    CREATE COLLATION names_da (provider = icu, locale = 'da');
EXCEPTION WHEN OTHERS THEN
    RAISE WARNING 'no ICU collation for Danish (%): names sort by code point', SQLERRM;
    CREATE COLLATION names_da FROM "C";
END
$$;
