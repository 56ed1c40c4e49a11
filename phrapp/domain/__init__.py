"""Pure domain: records, units, time, validation and (later) risk rules. No Qt, SQL or I/O."""
