"""The ports of a tuned RETE network's two-input and conflict-set nodes: experta's
``activate_left``/``activate_right``/``activate`` steps without its per-token checks, copies
and logging (see :mod:`expert.inference.rete`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ._compat import ConflictSetNode, Fact, NotNode, OrdinaryMatchNode, Token, TokenInfo

_VALID = Token.TagType.VALID

_INVALID = Token.TagType.INVALID

_new_tuple = tuple.__new__

#: An activation as the tuned network reports it: (the rule's compiled action, the matched
#: facts, the bindings by name). Two are equal when they are of the same rule on the same
#: match. The action is the function :mod:`expert.inference.compiler` wrote for the rule, carrying
#: its ``index``, ``stage`` and ``bindings``.
Match = tuple[Any, frozenset[Fact], dict[str, Any]]


def match_port(
    node: OrdinaryMatchNode, left: bool, touched: dict[int, Any], stores: bool = True
) -> Callable[[Token], None]:
    """``OrdinaryMatchNode.activate_left``/``activate_right`` without experta's per-match
    logging and token re-validation: store the token's facts and context on its side, join
    them with each of the other side's, and send each match on (the same steps as experta's
    node). The memories hold the tokens' own set and dictionary, not frozen copies as
    experta's do: no node changes a token it has passed on. Where the side's memory is an
    alpha node's shared one (``stores`` false), that node has stored the token already."""
    matcher = node.matcher
    key = id(node)

    def callback(token: Token) -> None:
        touched[key] = node
        context = token.context
        entry = (token.data, context)
        if left:
            branch, matching = node.left_memory, node.right_memory
        else:
            branch, matching = node.right_memory, node.left_memory
        if not stores:
            pass
        elif token.tag is _VALID:
            branch.append(entry)
        else:
            try:
                branch.remove(entry)
            except ValueError:
                pass
        for other_data, other_context in matching:
            match = matcher(context, other_context) if left else matcher(other_context, context)
            if not match:
                continue
            joined = {k: v for k, v in context.items() if isinstance(k, str)}
            # Negated values are not needed any further.
            joined.update((k, v) for k, v in other_context.items() if not isinstance(k, tuple))
            joined_token = _new_tuple(Token, (token.tag, token.data | other_data, joined))
            for child in node.children:  # read now: the network is rewired after this port
                child.callback(joined_token)

    return callback


def not_port(node: NotNode, left: bool, touched: dict[int, Any]) -> Callable[[Token], None]:
    """``NotNode.activate_left``/``activate_right``: the same steps as experta's node,
    without its token constructor's checks (an assert per fact) on every token it freezes
    or sends on. The left memory counts, per token, the right tokens it matches; a left
    token goes on (valid) while it matches none."""
    matcher = node.matcher
    key = id(node)

    def from_left(token: Token) -> None:
        touched[key] = node
        info = _new_tuple(TokenInfo, (frozenset(token.data), frozenset(token.context.items())))
        valid = token.tag is _VALID
        right_memory = node.right_memory
        if not right_memory:
            if valid:
                node.left_memory[info] = 0
            else:
                del node.left_memory[info]
            for child in node.children:
                child.callback(token)
            return
        count = 0
        for _, right_context in right_memory:
            if matcher(token.context, dict(right_context)):
                count += 1
                if not valid:  # an invalid token only needs to know whether any matches
                    break
        if count == 0:
            for child in node.children:
                child.callback(token)
        if valid:
            node.left_memory[info] = count
        else:
            del node.left_memory[info]

    def from_right(token: Token) -> None:
        touched[key] = node
        info = _new_tuple(TokenInfo, (frozenset(token.data), frozenset(token.context.items())))
        if token.tag is _VALID:
            node.right_memory.append(info)
            inc = 1
        else:
            inc = -1
            node.right_memory.remove(info)
        left_memory = node.left_memory
        for stored in left_memory:
            if matcher(dict(stored.context), token.context):
                left_memory[stored] += inc
                count = left_memory[stored]
                if (count == 0 and inc == -1) or (count == 1 and inc == 1):
                    # No longer matched: the left token holds again; first matched: it no
                    # longer holds. (experta's to_valid_token/to_invalid_token.)
                    tag = _VALID if inc == -1 else _INVALID
                    changed = _new_tuple(Token, (tag, set(stored.data), dict(stored.context)))
                    for child in node.children:
                        child.callback(changed)

    return from_left if left else from_right


def copying(port: Callable[[Token], Any]) -> Callable[[Token], Any]:
    """What ``activate``/``activate_left``/``activate_right`` do: copy, then the node's own
    ``_activate*`` routine (kept for node classes this module does not know)."""

    def callback(token: Token) -> Any:
        return port(_new_tuple(Token, (token.tag, token.data.copy(), token.context.copy())))

    return callback


def conflict_set_port(
    node: ConflictSetNode, events: list[tuple[bool, Match]], touched: dict[int, Any]
) -> Callable[[Token], None]:
    """``ConflictSetNode.activate`` that reports (valid, match) events in order: a
    :data:`Match` instead of experta's ``Activation`` (which copies its facts and hashes
    the rule's whole pattern)."""
    action = node.rule._wrapped  # where experta keeps the rule's function
    key = id(node)

    def callback(token: Token) -> None:
        context = token.context
        # ``token.to_info()``: its facts and context frozen, without the namedtuple's own
        # constructor.
        info = _new_tuple(TokenInfo, (frozenset(token.data), frozenset(context.items())))
        memory = node.memory
        if token.tag is _VALID:
            if info in memory:
                return
            memory.add(info)
            touched[key] = node
        elif info in memory:
            memory.remove(info)
        else:
            return
        # The bindings by name (the negated ones, keyed by tuples, are not needed further).
        named = {key: value for key, value in context.items() if isinstance(key, str)}
        events.append((token.tag is _VALID, (action, info.data, named)))

    return callback


def touching(
    node: Any, port: Callable[[Token], Any], touched: dict[int, Any]
) -> Callable[[Token], Any]:
    """``port``, noting first that ``node`` (which has a memory) was reached, so that a reset
    empties only the memories a consultation filled."""
    key = id(node)

    def callback(token: Token) -> Any:
        touched[key] = node
        return port(token)

    return callback
