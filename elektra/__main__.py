from elektra.cli import app

app(prog_name="elektra")
