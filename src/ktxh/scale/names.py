"""Vietnamese place names built from syllable lists, unique within their parent.

Names are two syllables drawn from the words places are really named with ("Hòa Bình",
"Phú Thạnh"); when a parent runs out of pairs a third syllable is added.

>>> import random
>>> namer = Namer(random.Random(1))
>>> name = namer.take("01")
>>> len(name.split()) == 2 and name != namer.take("01")
True
"""

from __future__ import annotations

import random

FIRST = (
    "An Bình Hòa Phú Tân Thạnh Long Mỹ Hưng Phước Thuận Đông Tây Nam Bắc Xuân Thanh Hương Quang Trung Đức "
    "Vĩnh Lộc Phong Thịnh Hải Sơn Lương Điện Nhơn Cẩm Gia Kim Ngọc Hồng Yên Quảng Tam Định Hiệp Thái Cát "
    "Tiên Hà Đại Vạn Lạc Hoài Nghĩa Tường Khánh Thọ Tịnh Ân"
).split()
SECOND = (
    "Bình Hòa Phú Thạnh Long Hưng Phước Thuận Lợi Lộc Sơn Hải Xuân Thành Trung Đông Tây Nam Bắc Tiến Hiệp "
    "Minh Khánh Phong Quang Thọ Tân Mỹ An Định Lâm Hà Giang Điền Dương Vinh Ninh Hội Nguyên Thủy Lạc Kiều"
).split()
THIRD = "Thượng Hạ Đông Tây Nam Bắc Trung Nhất Nhì Ba".split()


class Namer:
    """Hands out names unique within each parent key."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: dict[str, set[str]] = {}

    def take(self, parent: str) -> str:
        used = self.used.setdefault(parent, set())
        for attempt in range(200):
            name = f"{self.rng.choice(FIRST)} {self.rng.choice(SECOND)}"
            if name.split()[0] == name.split()[1]:
                continue
            if attempt > 50:
                name += f" {self.rng.choice(THIRD)}"
            if name not in used:
                used.add(name)
                return name
        name = f"{self.rng.choice(FIRST)} {self.rng.choice(SECOND)} {len(used) + 1}"
        used.add(name)
        return name
