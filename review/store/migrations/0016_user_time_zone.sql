-- The zone a person reads times in ('' follows the site's setting, Europe/Oslo unless the site says otherwise).
ALTER TABLE users ADD COLUMN time_zone TEXT NOT NULL DEFAULT '';
