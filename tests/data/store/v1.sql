-- SPDX-License-Identifier: GPL-3.0-or-later
-- Fixture for the store upgrade test (tests/store/tst_migrations.cpp): data a binary at schema version 1
-- would have written. v<N>.sql is loaded after migrateTo(N), before the upgrade to the latest version.
INSERT INTO settings (key, value) VALUES ('data.sample_seed', '20240101');
INSERT INTO settings (key, value) VALUES ('ui.idioma', 'pt_BR: São Paulo, Educação');
INSERT INTO settings (key, value) VALUES ('empty', NULL);
