"""The type stubs describe the module as it is: the same names, parameters and defaults."""

import ast
import inspect
from pathlib import Path

import newsdesk


def stub():
    path = Path(newsdesk.__file__).with_name("__init__.pyi")
    assert path.is_file(), "the wheel ships the stubs"
    assert path.with_name("py.typed").is_file(), "the wheel ships py.typed"
    return ast.parse(path.read_text())


def test_stubs_list_every_public_function_with_its_signature():
    functions = {n.name: n for n in stub().body if isinstance(n, ast.FunctionDef)}
    public = {n for n in newsdesk.__all__ if callable(getattr(newsdesk, n)) and n != "NewsdeskError"}
    assert set(functions) == public
    for name, node in functions.items():
        runtime = inspect.signature(getattr(newsdesk, name))
        a = node.args
        stub_params = [p.arg for p in a.args + a.kwonlyargs]
        assert stub_params == list(runtime.parameters), name
        stub_defaults = [ast.literal_eval(d) for d in a.kw_defaults if d is not None]
        runtime_defaults = [
            p.default for p in runtime.parameters.values() if p.default is not inspect.Parameter.empty
        ]
        assert stub_defaults == runtime_defaults, name
        assert getattr(newsdesk, name).__doc__, f"{name} has a docstring"


def test_the_error_class_is_exported():
    classes = [n.name for n in stub().body if isinstance(n, ast.ClassDef)]
    assert classes == ["NewsdeskError"]
    assert issubclass(newsdesk.NewsdeskError, Exception)
    assert newsdesk.NewsdeskError.__module__ == "newsdesk"
    assert newsdesk.__version__
