-- 0001_initial: profiles, every record kind, import batches and journal, audit log.
-- Instants are stored as UTC text (sortable) plus the original UTC offset in minutes.
-- Common record columns: id (UUID), profile_id, provenance, source_app, device_*,
-- batch_id, source_key (the "source app or device" of the natural key), extra (JSON for
-- fields a format carries that phrapp keeps but does not model), created_at, updated_at.

CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE profiles (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    sex TEXT CHECK (sex IN ('male', 'female')),
    birth_date TEXT,
    home_zone TEXT NOT NULL,
    name_kana TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE bp (
    id TEXT PRIMARY KEY,
    profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    provenance TEXT NOT NULL,
    source_app TEXT, device_maker TEXT, device_model TEXT, device_serial TEXT,
    batch_id TEXT,
    source_key TEXT NOT NULL,
    extra TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    measured_at_utc TEXT NOT NULL,
    utc_offset_min INTEGER NOT NULL,
    minute_utc TEXT NOT NULL,
    local_date TEXT NOT NULL,
    systolic INTEGER NOT NULL,
    diastolic INTEGER NOT NULL,
    pulse INTEGER,
    context TEXT CHECK (context IN ('morning', 'evening', 'other')),
    irregular INTEGER NOT NULL DEFAULT 0,
    note TEXT
);
CREATE INDEX bp_time ON bp(profile_id, measured_at_utc);
CREATE INDEX bp_identity ON bp(profile_id, minute_utc, source_key);

CREATE TABLE weight (
    id TEXT PRIMARY KEY,
    profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    provenance TEXT NOT NULL,
    source_app TEXT, device_maker TEXT, device_model TEXT, device_serial TEXT,
    batch_id TEXT,
    source_key TEXT NOT NULL,
    extra TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    measured_at_utc TEXT NOT NULL,
    utc_offset_min INTEGER NOT NULL,
    minute_utc TEXT NOT NULL,
    local_date TEXT NOT NULL,
    kg REAL NOT NULL,
    body_fat_percent REAL,
    original_unit TEXT NOT NULL DEFAULT 'kg'
);
CREATE INDEX weight_time ON weight(profile_id, measured_at_utc);
CREATE INDEX weight_identity ON weight(profile_id, minute_utc, source_key);

CREATE TABLE steps (
    id TEXT PRIMARY KEY,
    profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    provenance TEXT NOT NULL,
    source_app TEXT, device_maker TEXT, device_model TEXT, device_serial TEXT,
    batch_id TEXT,
    source_key TEXT NOT NULL,
    extra TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    date TEXT NOT NULL,
    steps INTEGER NOT NULL,
    UNIQUE (profile_id, date, source_key)
);

CREATE TABLE labs (
    id TEXT PRIMARY KEY,
    profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    provenance TEXT NOT NULL,
    source_app TEXT, device_maker TEXT, device_model TEXT, device_serial TEXT,
    batch_id TEXT,
    source_key TEXT NOT NULL,
    extra TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    date TEXT NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    value REAL NOT NULL,
    unit TEXT NOT NULL,
    facility TEXT
);
CREATE INDEX labs_time ON labs(profile_id, date, code);

CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    profile_id TEXT REFERENCES profiles(id) ON DELETE CASCADE,
    format TEXT NOT NULL,
    name TEXT,
    sha256 TEXT NOT NULL,
    content BLOB NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE checkups (
    id TEXT PRIMARY KEY,
    profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    provenance TEXT NOT NULL,
    source_app TEXT, device_maker TEXT, device_model TEXT, device_serial TEXT,
    batch_id TEXT,
    source_key TEXT NOT NULL,
    extra TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    date TEXT NOT NULL,
    institution_id TEXT,
    institution_name TEXT,
    sex TEXT,
    birth_date TEXT,
    metabolic_syndrome INTEGER,
    guidance_level INTEGER,
    document_id TEXT REFERENCES documents(id) ON DELETE SET NULL
);
CREATE INDEX checkups_time ON checkups(profile_id, date);

CREATE TABLE checkup_items (
    checkup_id TEXT NOT NULL REFERENCES checkups(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    value_num REAL,
    value_text TEXT,
    value_display TEXT,
    code_system TEXT,
    unit TEXT,
    comparator TEXT,
    flag TEXT,
    status TEXT NOT NULL,
    detail TEXT,
    PRIMARY KEY (checkup_id, seq)
);

CREATE TABLE medications (
    id TEXT PRIMARY KEY,
    profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    provenance TEXT NOT NULL,
    source_app TEXT, device_maker TEXT, device_model TEXT, device_serial TEXT,
    batch_id TEXT,
    source_key TEXT NOT NULL,
    extra TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    origin TEXT NOT NULL CHECK (origin IN ('dispensing', 'otc', 'manual')),
    dispensed_on TEXT NOT NULL,
    pharmacy TEXT,
    prescriber_institution TEXT,
    doctor TEXT,
    note TEXT
);
CREATE INDEX medications_time ON medications(profile_id, dispensed_on);

CREATE TABLE medication_drugs (
    medication_id TEXT NOT NULL REFERENCES medications(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    name TEXT NOT NULL,
    code TEXT,
    code_system TEXT,
    dose REAL,
    unit TEXT,
    usage TEXT,
    quantity REAL,
    quantity_unit TEXT,
    form TEXT,
    start TEXT,
    "end" TEXT,
    PRIMARY KEY (medication_id, seq)
);

CREATE TABLE allergies (
    id TEXT PRIMARY KEY,
    profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    provenance TEXT NOT NULL,
    source_app TEXT, device_maker TEXT, device_model TEXT, device_serial TEXT,
    batch_id TEXT,
    source_key TEXT NOT NULL,
    extra TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    recorded_on TEXT
);

CREATE TABLE immunizations (
    id TEXT PRIMARY KEY,
    profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    provenance TEXT NOT NULL,
    source_app TEXT, device_maker TEXT, device_model TEXT, device_serial TEXT,
    batch_id TEXT,
    source_key TEXT NOT NULL,
    extra TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    date TEXT NOT NULL,
    vaccine TEXT NOT NULL,
    code TEXT,
    code_system TEXT,
    dose_number INTEGER,
    lot TEXT,
    place TEXT
);

CREATE TABLE background (
    id TEXT PRIMARY KEY,
    profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    provenance TEXT NOT NULL,
    source_app TEXT, device_maker TEXT, device_model TEXT, device_serial TEXT,
    batch_id TEXT,
    source_key TEXT NOT NULL,
    extra TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    date TEXT NOT NULL,
    smoking TEXT CHECK (smoking IN ('current', 'former', 'never')),
    on_bp_drugs INTEGER,
    on_glucose_drugs INTEGER,
    on_lipid_drugs INTEGER,
    diabetes INTEGER,
    ckd INTEGER,
    pad INTEGER,
    cad_or_stroke INTEGER,
    family_history_cad INTEGER
);

CREATE TABLE visits (
    id TEXT PRIMARY KEY,
    profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    provenance TEXT NOT NULL,
    source_app TEXT, device_maker TEXT, device_model TEXT, device_serial TEXT,
    batch_id TEXT,
    source_key TEXT NOT NULL,
    extra TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    date TEXT NOT NULL,
    facility TEXT,
    item_code TEXT,
    note TEXT
);

-- One row per committed import; summary_json holds counts and warnings, never values.
CREATE TABLE import_batches (
    id TEXT PRIMARY KEY,
    committed_at TEXT NOT NULL,
    profile_ids TEXT NOT NULL,
    summary_json TEXT NOT NULL,
    undone_at TEXT
);

CREATE TABLE import_files (
    batch_id TEXT NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    format TEXT NOT NULL,
    PRIMARY KEY (batch_id, seq)
);
CREATE INDEX import_files_hash ON import_files(sha256);

-- What a batch did, so undo restores exactly the state before: 'added' rows are
-- deleted, 'replaced' rows are put back from previous_json (the full earlier record).
CREATE TABLE batch_journal (
    batch_id TEXT NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('added', 'replaced')),
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    previous_json TEXT,
    PRIMARY KEY (batch_id, seq)
);

-- Technical events only: never health values, names or file contents.
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    event TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '{}'
);
