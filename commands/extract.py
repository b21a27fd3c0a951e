"""`plangraph extract FILE`: print one document's extraction; touches no store."""

from __future__ import annotations

import json
import sys

import click


@click.command("extract")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="text",
              show_default=True, help="json: the gold-file shape; text: for a person to read.")
@click.option("--ocr/--no-ocr", default=True, show_default=True,
              help="Đọc PDF bản quét bằng OCR / read scanned PDFs by OCR (tesseract, vie).")
def extract_command(file: str, fmt: str, ocr: bool) -> None:
    """Trích xuất một văn bản / extract one plan document (nothing is stored)."""
    from plangraph.ingest.extract import DocumentError, extract_file  # the extractor: heavy
    from plangraph.ingest.report import render_text

    try:
        extraction = extract_file(file, ocr=ocr, progress=True)
    except DocumentError as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "json":
        json.dump(extraction.to_gold(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        click.echo(render_text(extraction))


COMMANDS = [extract_command]
