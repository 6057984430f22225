#!/usr/bin/python3
"""Writes the bad-input corpus (corpus/) that BadInputSuiteTest feeds to analyze, evaluate and review.

Deterministic: fixed seeds, inputs taken from the committed test photos, the demo clip, the FER2013 fixture and the
shipped model. Run from this folder with Debian's python3 and python3-pil: /usr/bin/python3 make_corpus.py
"""
import io, json, os, random, struct, zipfile, zlib, shutil

from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
RES = os.path.dirname(HERE)
REPO = os.path.abspath(os.path.join(RES, "..", "..", ".."))
OUT = os.path.join(HERE, "corpus")
rng = random.Random(20261130)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def write(name, data):
    path = os.path.join(OUT, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def png_header_only(width, height):
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(ihdr)) + chunk + struct.pack(">I", zlib.crc32(chunk))


shutil.rmtree(OUT, ignore_errors=True)
os.makedirs(OUT)
obama = read(os.path.join(RES, "faces", "obama.jpg"))
demo = read(os.path.join(REPO, "demo", "demo.mp4"))
fer = read(os.path.join(RES, "fer2013", "fixture_fer2013.csv")).decode("ascii").splitlines()
model = read(os.path.join(REPO, "models", "emolens-default.zip"))
metadata = json.loads(read(os.path.join(REPO, "models", "emolens-default.json")))

# images
write("images/empty.jpg", b"")
write("images/truncated.jpg", obama[:3000])
write("images/text-named.png", b"this is a text file with a .png name\n")
write("images/random.jpg", bytes(rng.randrange(256) for _ in range(2048)))
write("images/huge-header.png", png_header_only(20000, 20000))
write("images/video-named.jpg", demo[:40000])
tiny = io.BytesIO(); Image.new("RGB", (1, 1), (128, 128, 128)).save(tiny, "PNG"); write("images/tiny-1x1.png", tiny.getvalue())
tall = io.BytesIO(); Image.new("L", (60, 1800), 200).save(tall, "PNG"); write("images/portrait-60x1800.png", tall.getvalue())
upright = Image.open(io.BytesIO(obama)).convert("RGB").resize((455, 568))
sideways = upright.rotate(90, expand=True)  # stored turned left; EXIF 6 says: turn right to view
exif = Image.Exif(); exif[0x0112] = 6
buf = io.BytesIO(); sideways.save(buf, "JPEG", quality=88, exif=exif.tobytes()); write("images/sideways-exif6.jpg", buf.getvalue())

# videos
write("videos/empty.mp4", b"")
write("videos/truncated.mp4", demo[:20000])
write("videos/text-named.mp4", b"not a video\n" * 10)
write("videos/random.mp4", bytes(rng.randrange(256) for _ in range(4096)))

# FER2013 CSVs
header, rows = fer[0], fer[1:]
write("csv/video.csv", demo[:30000])
write("csv/empty.csv", b"")
write("csv/header-only.csv", (header + "\n").encode())
write("csv/no-pixels-column.csv", ("emotion,Usage\n3,PrivateTest\n").encode())
write("csv/all-bad-rows.csv", ("emotion,pixels,Usage\n" + "9,1 2 3,PrivateTest\n" * 5).encode())
write("csv/bom-crlf.csv", ("\ufeff" + header + "\r\n" + "\r\n".join(rows[-40:]) + "\r\n").encode("utf-8"))
write("csv/latin1-garbage.csv", ("emotion,pixels,Usage\n" + "3,\xe9\xe8 1 2,PrivateTest\n").encode("latin-1"))
write("csv/binary-mid.csv", ("\n".join([header] + rows[-10:]) + "\n").encode() + bytes(range(256)) + b"\n")
write("csv/fake.csv.gz", ("\n".join([header] + rows[-5:]) + "\n").encode())

# models (absurd-sizes and wrong-labels get a copy of the shipped model zip beside their json at test time)
write("models/not-a-zip.zip", b"plain text, not a model\n")
write("models/not-a-zip.json", json.dumps(metadata).encode())
write("models/no-metadata.zip", model[:4096])
empty = io.BytesIO(); zipfile.ZipFile(empty, "w").close(); write("models/empty.zip", empty.getvalue())
write("models/empty.json", json.dumps(metadata).encode())
slip = io.BytesIO()
with zipfile.ZipFile(slip, "w") as z:
    z.writestr("../../escaped.txt", "zip slip")
    z.writestr("configuration.json", "{}")
write("models/zip-slip.zip", slip.getvalue())
write("models/zip-slip.json", json.dumps(metadata).encode())
absurd = dict(metadata); absurd["input_size"] = 1000000000; absurd["parameters"] = 10 ** 15
write("models/absurd-sizes.json", json.dumps(absurd).encode())
wrong = dict(metadata); wrong["labels"] = ["Cat", "Dog", "Fear", "Happy", "Sad", "Surprise", "Neutral"]
write("models/wrong-labels.json", json.dumps(wrong).encode())
write("models/truncated.zip", model[:200000])
write("models/truncated.json", json.dumps(metadata).encode())
write("models/garbage-json.zip", model[:200000])
write("models/garbage-json.json", bytes(rng.randrange(256) for _ in range(300)))

# folders
os.makedirs(os.path.join(OUT, "folders", "empty"), exist_ok=True)
write("folders/empty/.keep", b"")
write("folders/not-images/notes.txt", b"no images here\n")
write("folders/not-images/data.bin", bytes(rng.randrange(256) for _ in range(512)))

# session folders for review
os.makedirs(os.path.join(OUT, "sessions", "empty"), exist_ok=True)
write("sessions/empty/.keep", b"")
write("sessions/garbage-json/session.json", bytes(rng.randrange(256) for _ in range(500)))
write("sessions/garbage-json/faces.csv", b"frame,time_ms\n")
write("sessions/binary-faces/session.json", b'{"status":"complete","frames":3}')
write("sessions/binary-faces/faces.csv", demo[:5000])
write("sessions/binary-faces/labels.csv", b"start_ms,end_ms,label\n0,abc,Happy\n")
print("corpus written to", OUT)
