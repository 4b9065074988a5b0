#!/usr/bin/env python3
"""Writes a sample photo (PNG) to stdout: a smooth colour field with a little texture, so that renditions cost what a
photograph's would. The benchmark has no real photos to ship; these stand in for them. Usage: sample-photo.py SEED [W H]"""
import struct
import sys
import zlib

seed = int(sys.argv[1])
width, height = (int(sys.argv[2]), int(sys.argv[3])) if len(sys.argv) > 3 else (1600, 1067)


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


rows = bytearray()
for y in range(height):
    rows.append(0)  # no filter
    g = (y * 200 // height + seed * 37) & 0xFF
    for x in range(width):
        texture = ((x * 7 + y * 13 + seed) * 2654435761 >> 24) & 0x0F
        rows += bytes(((x * 255 // width + texture) & 0xFF, (g + texture) & 0xFF, ((seed * 53 + x // 8 + y // 8) & 0xFF)))

png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
png += chunk(b"IDAT", zlib.compress(bytes(rows), 6)) + chunk(b"IEND", b"")
sys.stdout.buffer.write(png)
