#!/usr/bin/python3
"""Answers SPF questions with Debian's python3-spf (pyspf), asking the DNS server on 127.0.0.1 at
the port given. Reads "ip sender helo" lines on standard input and prints one result per line.
Usage: pyspf_query.py PORT"""
import sys

import DNS
import spf


def main():
    DNS.defaults["server"] = ["127.0.0.1"]
    DNS.defaults["port"] = int(sys.argv[1])
    for line in sys.stdin:
        ip, sender, helo = line.split()
        result, _explanation = spf.check2(i=ip, s=sender, h=helo, timeout=5)
        print(result)


if __name__ == "__main__":
    main()
