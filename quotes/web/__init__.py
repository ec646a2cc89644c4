"""The web face: `quotes serve`, read-only pages and a JSON API over the query layer."""
