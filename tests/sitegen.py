"""An invented corpus of sites for the template-learning tests: the fixtures' articles (the seed
bodies a person checked and the negative fixtures' prose) cut into page-sized chunks, wrapped in
made-up chrome (menus, rotating promos, share lines, footers) in five languages.

Nothing here comes from the evaluation data. The chrome is invented for these sites, so no
catalogue knows it (a few lines may still be caught by the generic rules, which is fine: the test
counts what leaves the page). Every page says which of its lines are chrome and which are article.
"""

from __future__ import annotations

import html as _html
import json
import random
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"

#: Paragraphs per page (consecutive paragraphs of one article; a heading stays with what follows).
CHUNK_PARAGRAPHS = 4

SITES: dict[str, dict] = {
    "herald.example": {
        "nav": ["Front Page", "Our Town", "Business Desk", "The Pitch", "Weekend Living", "Puzzles & Games"],
        "crumb": "Northfield Herald › Stories",
        "updated": "Updated {d} {mon} {y}, {hh}:{mm}",
        "promos": ["Try the Herald Plus pass: first month for $1", "Get Herald Mornings in your inbox before 7am"],
        "share": "Pass this on: Toot · Beam · Mail",
        "footer": [
            "About the Herald",
            "Work with us",
            "Reader help desk",
            "The Northfield Herald is published by Northfield Media Cooperative, a member-owned company registered in the county.",
            "© 2003-{y} Northfield Media Cooperative",
        ],
    },
    "tagblatt.example": {
        "nav": ["Titelseite", "Stadt und Land", "Geld & Markt", "Anpfiff", "Leben am Wochenende"],
        "crumb": "Seetaler Tagblatt / Artikel",
        "updated": "Aktualisiert am {d}.{m}.{y} um {hh}:{mm} Uhr",
        "promos": ["Tagblatt Plus: vier Wochen für 0,99 €", "Der Morgenbrief vom Tagblatt – jeden Tag um sechs"],
        "share": "Weitersagen: Tröt · Funk · Post",
        "footer": [
            "Über das Tagblatt",
            "Leserservice",
            "Anzeigen buchen",
            "Das Seetaler Tagblatt erscheint im Verlag Seetal Medien GmbH & Co. KG mit Sitz in Seedorf am Hang.",
            "© {y} Seetal Medien",
        ],
    },
    "courrier.example": {
        "nav": ["À la une", "Vie locale", "Économie du coin", "Le stade", "Sorties"],
        "crumb": "Le Courrier du Val › Articles",
        "updated": "Mis à jour le {d}/{m}/{y} à {hh}h{mm}",
        "promos": ["Le Courrier Intégral : le premier mois à 1 €", "La Lettre du Val, chaque matin dans votre boîte"],
        "share": "Faire suivre : Pouet · Onde · Courriel",
        "footer": [
            "Qui sommes-nous",
            "Service lecteurs",
            "Annonces légales",
            "Le Courrier du Val est édité par la Société des éditions du Val, entreprise indépendante fondée par ses lecteurs.",
            "© {y} Éditions du Val",
        ],
    },
    "diario.example": {
        "nav": ["Portada", "Barrio a barrio", "Dinero y empleo", "La cancha", "Planes", "Pasatiempos"],
        "crumb": "El Diario del Río › Noticias",
        "updated": "Actualizado el {d}/{m}/{y} a las {hh}:{mm}",
        "promos": ["Diario Total: tu primer mes por 1 €", "El Boletín del Río, cada mañana en tu correo"],
        "share": "Pásalo: Tut · Onda · Correo",
        "footer": [
            "Quiénes somos",
            "Atención al lector",
            "Trabaja con nosotros",
            "El Diario del Río es una publicación de Ediciones Ribereñas, cooperativa de periodistas y lectores de la comarca.",
            "© 2010-{y} Ediciones Ribereñas",
        ],
    },
    "gazzetta.example": {
        "nav": ["Prima pagina", "Quartieri", "Soldi e lavoro", "Il campo", "Tempo libero"],
        "crumb": "La Gazzetta del Colle › Articoli",
        "updated": "Aggiornato il {d}/{m}/{y} alle {hh}:{mm}",
        "promos": ["Gazzetta Piena: il primo mese a 1 €", "Il Buongiorno del Colle, ogni mattina nella tua casella"],
        "share": "Giralo: Tut · Onda · Posta",
        "footer": [
            "Chi siamo",
            "Servizio lettori",
            "Pubblicità",
            "La Gazzetta del Colle è pubblicata da Edizioni del Colle, società cooperativa di giornalisti e lettori della valle.",
            "© {y} Edizioni del Colle",
        ],
    },
}
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@dataclass
class Page:
    site: str
    name: str
    lines: list[tuple[str, str]]  # (kind, text): kind "chrome", "article" or "" (a blank line)

    @property
    def text(self) -> str:
        return "\n".join(t for _, t in self.lines)

    @property
    def html(self) -> str:
        """The same page as HTML, with the chrome in plain ``div``s whose class names say nothing."""
        out = ['<!doctype html><html><head><meta charset="utf-8"><title>page</title></head><body>']
        zone = None
        for kind, t in self.lines:
            if not t:
                continue
            want = "a" if kind == "article" else "c"
            if want != zone:
                if zone:
                    out.append("</div>")
                out.append(f'<div class="z{want}{len(out) % 7}">')
                zone = want
            out.append(f"<p>{_html.escape(t)}</p>")
        out.append("</div></body></html>")
        return "\n".join(out)


def articles() -> list[list[str]]:
    """The fixtures' article bodies, as lists of paragraphs (list runs kept together)."""
    bodies = [json.loads(p.read_text(encoding="utf-8"))["body"] for p in sorted((FIXTURES / "seeds").glob("*.expected.json"))]
    for f in sorted((FIXTURES / "negative").glob("*.json")):
        bodies += [c["input"] for c in json.loads(f.read_text(encoding="utf-8"))["cases"]]
    return [[p for p in b.split("\n\n") if p.strip()] for b in bodies]


def chunks() -> list[list[str]]:
    """Page-sized runs of consecutive paragraphs (a short paragraph, a heading, stays with the next)."""
    out = []
    for paras in articles():
        cur: list[str] = []
        for k, p in enumerate(paras):
            cur.append(p)
            short = len(p.split()) < 6
            if len(cur) >= CHUNK_PARAGRAPHS and not short or k == len(paras) - 1:
                out.append(cur)
                cur = []
    return out


def site_pages(site: str, seed: int = 0) -> list[Page]:
    """One page per chunk of article text, in a shuffled order, each wrapped in the site's chrome."""
    spec = SITES[site]
    rng = random.Random(f"{site}:{seed}")
    parts = chunks()
    rng.shuffle(parts)
    pages = []
    for n, paras in enumerate(parts):
        y = 2018 + n % 7
        fill = {"d": 1 + n % 28, "m": 1 + n % 12, "mon": MONTHS[n % 12], "y": y, "hh": f"{n % 24:02d}", "mm": f"{(7 * n) % 60:02d}"}
        lines: list[tuple[str, str]] = [("chrome", item) for item in spec["nav"]]
        lines += [("", ""), ("chrome", spec["crumb"]), ("chrome", spec["updated"].format(**fill)), ("", "")]
        for k, p in enumerate(paras):
            if k == 2:
                lines += [("chrome", spec["promos"][n % 2]), ("", "")]
            lines += [("article", t) for t in p.split("\n")]
            lines.append(("", ""))
        lines += [("chrome", spec["share"]), ("", "")]
        lines += [("chrome", f.format(**fill)) for f in spec["footer"]]
        pages.append(Page(site, f"{site}/{n:03d}", lines))
    return pages


def corpus(seed: int = 0) -> list[Page]:
    return [p for site in sorted(SITES) for p in site_pages(site, seed)]
