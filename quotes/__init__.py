"""quotes: who said what about whom, with citations you can trust."""
