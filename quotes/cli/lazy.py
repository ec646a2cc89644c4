"""A command group that imports a command's module only when that command is needed.

click's documented LazyGroup pattern (click docs, "Lazily Loading Subcommands"): a command is
imported when it runs, when its own help is shown, or when shell completion asks for it.
The group's --help lists each command from a summary kept beside its import path, so
`quotes --help` and `quotes said ...` do not pay for every family's modules (nor for what
those import). A test checks each summary against the command's own docstring.
"""

import importlib
from collections.abc import Callable

import click

# click 8.4 and later suggest a close name for an unknown command (earlier ones did not).
_NO_SUCH_COMMAND = getattr(click.exceptions, "NoSuchCommand", ())


class LazyGroup(click.Group):
    """A group whose ``lazy`` commands are ``name: ("module:attribute", summary)``.

    ``prepare`` is called once on each command as it is imported (to add shared options).
    """

    def __init__(
        self,
        *args,
        lazy: dict[str, tuple[str, str]] | None = None,
        prepare: Callable[[click.Command], None] | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy or {})
        self.prepare = prepare

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy:
            self.add_command(self._import(cmd_name), cmd_name)
        return self.commands.get(cmd_name)

    def resolve_command(self, ctx: click.Context, args: list[str]):
        try:
            return super().resolve_command(ctx, args)
        except _NO_SUCH_COMMAND as error:
            # click suggests a name from the commands loaded so far: suggest from them all.
            raise _NO_SUCH_COMMAND(
                error.command_name, possibilities=self.list_commands(ctx), ctx=ctx
            ) from None

    def _import(self, name: str) -> click.Command:
        module, _, attribute = self.lazy[name][0].partition(":")
        command = getattr(importlib.import_module(module), attribute)
        if self.prepare:
            self.prepare(command)
        return command

    def summary(self, name: str) -> click.Command:
        """The command if it is loaded, else a stand-in carrying its summary (for --help)."""
        if name in self.commands:
            return self.commands[name]
        return click.Command(name, help=self.lazy[name][1])

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """As click.Group's, from the summaries: listing commands imports none of them."""
        commands = [(name, self.summary(name)) for name in self.list_commands(ctx)]
        commands = [(name, command) for name, command in commands if not command.hidden]
        if not commands:
            return
        limit = formatter.width - 6 - max(len(name) for name, _ in commands)
        with formatter.section("Commands"):
            formatter.write_dl([(name, c.get_short_help_str(limit)) for name, c in commands])
