"""What the seed articles say about each delegation they name: a fixture shared by data and page tests."""

SEED_DELEGATIONS = {
    # id: (head of delegation, themes the seed articles say it wants to cooperate on)
    "chongqing": ("Zheng Xiangdong (Trịnh Hướng Đông)",
                  {"tourism", "trade", "digital", "agriculture", "innovation"}),
    "torino": ("Stefano Lo Russo", {"automotive", "education", "investment"}),
    "osaka": ("Takahashi Toru", {"green", "innovation"}),
    "porto": ("Ricardo Valente", {"investment", "education"}),
    "montevideo": ("Federico Penino", {"biotech", "agriculture", "innovation", "tourism", "infrastructure"}),
    "san-francisco": ("Mark Chandler", {"education", "social", "infrastructure", "innovation"}),
    "chungcheongbuk": ("Kim Young-hwan", {"hightech", "education"}),
    "minsk": ("Nadzeya Lazarevich", {"hightech", "innovation"}),
    "japan-vjfpa": ("Takebe Tsutomu", {"education", "green"}),
    "japan-mofa": ("Komura Masahiro", {"green", "digital", "investment", "education"}),
}
