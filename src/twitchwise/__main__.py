from twitchwise.cli.main import run

run()
