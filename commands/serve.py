"""`plangraph serve`: the analyst's workbench (plangraph.web) on one read-only store."""

from __future__ import annotations

import ipaddress
import threading
import webbrowser

import click

from plangraph.graph.store import StoreError, open_store

LOOPBACK = "127.0.0.1"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command("serve")
@click.option("--port", default=8765, show_default=True, type=int)
@click.option("--host", default=LOOPBACK, show_default=True,
              help="Địa chỉ lắng nghe / address to listen on; anything but 127.0.0.1 shares the "
                   "app (and the documents) with the network.")
@click.option("--docs", "docs", multiple=True, type=click.Path(exists=True),
              help="Thư mục chứa các văn bản đã nạp, để xem nguồn / folder of the ingested "
                   "documents, for the source views (repeatable; default: the current folder).")
@click.option("--open", "open_browser", is_flag=True, help="Mở trình duyệt / open a browser.")
@click.pass_context
def serve_command(ctx: click.Context, port: int, host: str, docs: tuple[str, ...],
                  open_browser: bool) -> None:
    """Bàn làm việc trên trình duyệt / the workbench in a browser (read-only)."""
    import uvicorn

    from plangraph.web.app import create_app

    try:
        store = open_store(ctx.obj.get("db") if ctx.obj else None, read_only=True)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    if not is_loopback(host):
        click.secho(f"CẢNH BÁO / WARNING: --host {host}: mọi máy trong mạng đều xem được kho và "
                    "văn bản, không cần đăng nhập / every machine on the network can read the "
                    "store and the documents, without a login.", fg="red", err=True)
    url = f"http://{host if is_loopback(host) else LOOPBACK}:{port}/"
    click.echo(f"plangraph serve: {url} (Ctrl+C để dừng / to stop)", err=True)
    if open_browser:
        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    try:
        uvicorn.run(create_app(store, docs=list(docs) or ["."]), host=host, port=port,
                    log_level="warning")
    finally:
        store.close()


COMMANDS = [serve_command]
