"""Opens an exported lesson in JupyterLab (loopback, headless Chromium), runs all its cells on the
nnl kernel and saves a screenshot of its last two figures. Not part of CI: it needs Debian's
`chromium` and `chromium-driver`, and `jupyterlab` and `selenium` from PyPI.

usage: jupyterlab_screenshot.py NNL LESSON.nnl OUT.png"""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

TIMEOUT = 300


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(condition, what, timeout=TIMEOUT):
    end = time.time() + timeout
    while time.time() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.5)
    raise SystemExit("timed out waiting for " + what)


def main(nnl, lesson, out):
    work = tempfile.mkdtemp()
    try:
        subprocess.run([nnl, "kernel", "install", "--prefix", work], check=True)
        notebooks = os.path.join(work, "notebooks")
        os.makedirs(notebooks)
        subprocess.run([nnl, "export", lesson, "--to", "ipynb", "--solutions", "-o", os.path.join(notebooks, "lesson.ipynb")], check=True)
        config = os.path.join(work, "config")
        os.makedirs(os.path.join(config, "labconfig"))
        with open(os.path.join(config, "labconfig", "page_config.json"), "w") as f:
            f.write('{"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": true}}')
        env = dict(os.environ, JUPYTER_PATH=os.path.join(work, "share", "jupyter"),
                   JUPYTER_RUNTIME_DIR=os.path.join(work, "runtime"), JUPYTER_CONFIG_DIR=config,
                   JUPYTER_DATA_DIR=os.path.join(work, "data"))
        port, token = free_port(), "nnl-screenshot"
        lab = subprocess.Popen([sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1",
                                "--port=%d" % port, "--IdentityProvider.token=" + token,
                                "--ServerApp.root_dir=" + notebooks, "--LabApp.expose_app_in_browser=True"]
                               + (["--allow-root"] if os.geteuid() == 0 else []),
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            capture(port, token, out)
        finally:
            lab.terminate()
            lab.wait(timeout=30)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def capture(port, token, out):
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,2000"):
        options.add_argument(flag)
    options.binary_location = shutil.which("chromium")
    browser = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    try:
        url = "http://127.0.0.1:%d/lab/tree/lesson.ipynb?token=%s" % (port, token)
        wait_for(lambda: _try(browser.get, url) is not False, "JupyterLab to answer", 60)
        idle = "const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;" \
               "return !!(w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel" \
               " && w.sessionContext.session.kernel.status === 'idle');"
        wait_for(lambda: browser.execute_script(idle), "the nnl kernel to start")
        browser.execute_script("window.jupyterapp.commands.execute('application:toggle-left-area');"
                               "window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs');"
                               "window.jupyterapp.commands.execute('notebook:run-all-cells');")
        busy = "return [...document.querySelectorAll('.jp-InputPrompt')].some(p => p.textContent.includes('*'));"
        time.sleep(2)
        wait_for(lambda: not browser.execute_script(busy) and browser.execute_script(idle), "all cells to run")
        figures = wait_for(lambda: browser.find_elements("css selector", ".jp-RenderedSVG, .jp-RenderedImage"), "a figure")
        # The cost curve at the top of the window, the decision boundary below it.
        browser.execute_script("arguments[0].scrollIntoView({block: 'start'});", figures[-2])
        time.sleep(1)
        browser.save_screenshot(out)
        print("saved", out, "with", len(figures), "figures rendered")
    finally:
        browser.quit()


def _try(call, *args):
    try:
        call(*args)
        return True
    except Exception:
        return False


if __name__ == "__main__":
    main(os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3])
