"""The encrypted vault: SQLCipher connection, key slots, migrations, repositories, audit log."""
