from twitchwise.cli.entry import run

run()
