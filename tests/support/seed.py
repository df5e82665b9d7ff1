"""What the seed articles say about each delegation they name: a fixture shared by data and page tests."""

SEED_DELEGATIONS = {
    # id: (head of delegation, themes the reports say it asked for or offered; descriptions of
    # the delegation, HCMC's own words and events are not priorities)
    "chongqing": ("Zheng Xiangdong (Trịnh Hướng Đông)",
                  {"tourism", "trade", "digital", "agriculture", "innovation"}),
    "torino": ("Stefano Lo Russo", {"investment", "governance"}),
    "osaka": ("Takahashi Toru", {"innovation", "education"}),
    "porto": ("Ricardo Valente", {"investment", "education"}),
    "montevideo": ("Federico Penino", {"biotech", "agriculture", "innovation", "tourism", "infrastructure"}),
    "san-francisco": ("Mark Chandler", {"education", "infrastructure", "innovation"}),
    "chungcheongbuk": ("Kim Young-hwan", {"education", "governance"}),
    "minsk": ("Nadzeya Lazarevich", {"education", "tourism"}),
    "japan-vjfpa": ("Takebe Tsutomu", {"education"}),
    "japan-mofa": ("Komura Masahiro", {"green", "digital", "investment", "education"}),
}
