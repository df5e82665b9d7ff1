"""Theme colours stay readable: every colour differs from white by at least WCAG's 3:1."""

from __future__ import annotations


def contrast_with_white(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


def test_every_theme_colour_has_3_to_1_contrast_on_white(data):
    for theme, colour in zip(data.themes["id"], data.themes["color"], strict=True):
        assert contrast_with_white(colour) >= 3.0, theme


def test_theme_colours_are_distinct(data):
    assert data.themes["color"].is_unique
