"""A sentence written piece by piece with its entity spans and relations."""

from __future__ import annotations


class Sentence:
    """Text appended piece by piece: ``add`` writes plain text, ``entity`` writes a tagged span
    and returns its index, ``relate`` links indices (heads and tails may be lists)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.entities: list[tuple[int, int, str]] = []
        self.relations: list[tuple[int, str, int]] = []
        self._pairs: set[tuple[int, int]] = set()
        self.body_start = 0  # where the sentence body begins (after a dateline)
        self.provinces: list[str] = []  # provinces named or implied, for a matching dateline

    def prefixed(self, body: Sentence) -> Sentence:
        """This sentence (a dateline) followed by ``body``, offsets shifted."""
        off, base = self.length, len(self.entities)
        self.parts += body.parts
        self.length += body.length
        self.entities += [(a + off, b + off, lab) for a, b, lab in body.entities]
        self.relations += [(h + base, lab, t + base) for h, lab, t in body.relations]
        return self

    def add(self, text: str) -> Sentence:
        if self.length == self.body_start and text:
            text = capitalize(text)  # same length, offsets unchanged
        self.parts.append(text)
        self.length += len(text)
        return self

    def entity(self, text: str, label: str) -> int:
        assert text == text.strip() and text, repr(text)
        k = len(self.entities)
        self.entities.append((self.length, self.length + len(text), label))
        self.add(text)
        return k

    def relate(self, head, label: str, tail) -> None:
        heads = head if isinstance(head, (list, tuple)) else [head]
        tails = tail if isinstance(tail, (list, tuple)) else [tail]
        for h in heads:
            for t in tails:
                if h is None or t is None or h == t or (h, t) in self._pairs:
                    continue
                self._pairs.add((h, t))
                self.relations.append((h, label, t))

    @property
    def text(self) -> str:
        return "".join(self.parts)


def capitalize(s: str) -> str:
    return s[:1].upper() + s[1:]
