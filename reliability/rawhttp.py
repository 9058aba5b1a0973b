"""HTTP/1.1 on a raw socket, so the suite can send malformed requests byte for byte and read what comes back."""
import re
import socket


def exchange(port, data, timeout=15):
    """Sends bytes as-is on a fresh connection (the request asks for Connection: close) and returns every byte
    the server answered before closing."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        try:
            s.sendall(data)  # no half-close: Netty would take the FIN as the client leaving and drop the answer
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server may answer (413, 431) and close before reading everything: read what it said
        chunks = []
        while True:
            try:
                b = s.recv(65536)
            except ConnectionResetError:
                break
            if not b:
                break
            chunks.append(b)
    return b"".join(chunks)


def parse(buf):
    """(status, headers{lower: value}, body) or None when nothing parsable came back."""
    head, sep, body = buf.partition(b"\r\n\r\n")
    if not sep:
        return None
    lines = head.split(b"\r\n")
    m = re.match(rb"HTTP/1\.[01] (\d{3})", lines[0])
    if not m:
        return None
    headers = {}
    for line in lines[1:]:
        k, _, v = line.partition(b":")
        headers[k.strip().lower().decode("latin-1")] = v.strip().decode("latin-1")
    if headers.get("transfer-encoding", "").lower() == "chunked":
        out, rest = [], body
        while rest:
            size_line, _, rest = rest.partition(b"\r\n")
            try:
                size = int(size_line.split(b";")[0] or b"0", 16)
            except ValueError:
                break
            if size == 0:
                break
            out.append(rest[:size])
            rest = rest[size + 2:]
        body = b"".join(out)
    elif "content-length" in headers:
        body = body[:int(headers["content-length"])]
    return int(m.group(1)), headers, body
