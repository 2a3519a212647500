"""The show day seen whole: what several areas recorded about one show, gathered above them."""
