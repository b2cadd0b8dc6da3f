"""Building the command line must stay cheap: `govproof check` must not import the audit's Dask driver,
the serve app or the checks before it needs them."""
import subprocess
import sys

PROBE = ("import sys\nfrom govproof.cli import build_parser\nbuild_parser()\n"
         "print(' '.join(m for m in ('govproof.audit.dask_executor', 'govproof.audit.worker', 'asyncio',"
         " 'govproof.serve.app', 'govproof.checks.rulepack') if m in sys.modules))")


def test_building_the_parser_imports_no_driver_server_or_check():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout
    assert out.split() == []
