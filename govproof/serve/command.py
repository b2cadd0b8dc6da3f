"""`govproof serve`: start the review page on this machine (127.0.0.1 unless told otherwise)."""
from __future__ import annotations

import argparse
import ipaddress
import os
import sys

EXIT_OK, EXIT_ERROR = 0, 2


def add_serve_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--host", default="127.0.0.1",
                   help="监听地址（默认 127.0.0.1，只有本机能打开；0.0.0.0 会让同一网络的其他计算机也能访问）")
    p.add_argument("--port", type=int, default=8765, help="端口（默认 8765）")
    p.add_argument("--max-upload-mb", type=float, default=20.0, metavar="MB",
                   help="上传内容的大小上限，单位 MB（默认 20；超过时回答 413）")
    p.add_argument("--config", metavar="PATH", help="配置文件（govproof.toml 或 pyproject.toml）；默认从当前目录向上查找")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def run_serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from .app import LOOPBACK_HOSTS, ServeSettings, create_app
    except ImportError as e:
        print(f"govproof：网页校对需要可选组件（缺少 {e.name}）：pip install 'govproof[serve]'", file=sys.stderr)
        return EXIT_ERROR
    from ..config import discover_config, load_config_file

    if not 0 < args.port < 65536:
        print(f"govproof：端口无效：{args.port}", file=sys.stderr)
        return EXIT_ERROR
    if args.max_upload_mb <= 0:
        print("govproof：--max-upload-mb 必须大于 0", file=sys.stderr)
        return EXIT_ERROR
    config = load_config_file(args.config) if args.config else discover_config(os.getcwd())
    local = is_loopback(args.host)
    shown = f"[{args.host.strip('[]')}]" if ":" in args.host else args.host
    allowed = tuple(dict.fromkeys((*LOOPBACK_HOSTS, shown.lower()))) if local else None
    settings = ServeSettings(config=config, upload_limit=int(args.max_upload_mb * 1024 * 1024), allowed_hosts=allowed)
    app = create_app(settings)
    print("正在载入检查规则和模型……", file=sys.stderr, flush=True)
    app.state.reviewer.warm_up()
    print(f"govproof 校对页面：http://{shown}:{args.port}/", file=sys.stderr)
    if local:
        print(f"只在本机（{args.host}）监听，其他计算机无法访问；文档只在本机内存中处理。按 Ctrl+C 停止。", file=sys.stderr)
    else:
        print(f"警告：正在 {args.host} 上监听，同一网络中的其他计算机也能打开此页面并提交文档，且本服务没有登录验证。"
              "只在可信网络中这样使用；本机使用请去掉 --host。", file=sys.stderr)
    print(f"上传上限 {args.max_upload_mb:g} MB。", file=sys.stderr, flush=True)
    uvicorn.run(app, host=args.host.strip("[]"), port=args.port, log_level="warning", access_log=False)
    return EXIT_OK
