#!/usr/bin/env python3
"""Accept-and-hold TCP listener for SACK traceroute tests: keeps each connection open without reading,
so out-of-order probe bytes are answered with SACK duplicate ACKs (netlab's listener closes at once,
and data on a closed connection draws a RST instead). Usage: hold-listener.py PORT"""
import select
import socket
import sys

port = int(sys.argv[1])
s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("::", port))
s.listen(1024)
held = []
print("listening", flush=True)
while True:
    select.select([s], [], [])
    conn, _ = s.accept()
    held.append(conn)
    del held[:-256]
