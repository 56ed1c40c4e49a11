from __future__ import annotations

import pytest
from cli_support import Cli

PASS = "correct horse battery staple 7"


@pytest.fixture
def vault(cli: Cli) -> Cli:
    result = cli("init", "--profile", "本人", "--sex", "male", "--birth", "1970-01-02", "--json")
    assert result.code == 0, result.err
    return cli
