# Previous/next-article and back-to-list links printed above or below an article: pagination
# chrome that is headline-shaped (it often carries the other article's title) but never the
# page's own title. Whole line, case-insensitive. The arrow forms ("← Title", "Title →",
# "« Title") are recognised by shape in rules/header_title.py; these are the worded forms.
# en
# "Previous post: Title", "Next article »", "Older posts", "Back to blog"
(?:previous|prev|next|older|newer)(?: (?:post|posts|article|articles|story|stories|entry|entries|page|item))?\s?[:»›>|«‹<].{0,200}
(?:previous|next|older|newer) (?:post|posts|article|articles|story|stories|entry|entries)(?: .{1,200})?
back to (?:the )?(?:blog|news|newsroom|overview|home|homepage|top|list|index|articles|posts|stories|search|search results|results|category|archive|all (?:posts|articles|news|stories))
# de
# "Vorheriger Beitrag: Titel", "Nächster Artikel", "Ältere Beiträge", "Zurück zur Übersicht"
(?:vorherige[rsn]?|nächste[rsn]?|ältere|neuere|zurück|weiter)(?: (?:artikel|beitrag|beiträge|eintrag|einträge|seite|post|posts|meldung|meldungen|nachricht|nachrichten|news))?\s?[:»›>|«‹<].{0,200}
(?:vorherige[rsn]?|nächste[rsn]?|ältere|neuere) (?:artikel|beitrag|beiträge|eintrag|einträge|seite|post|posts|meldung|meldungen|nachricht|nachrichten|news)(?: .{1,200})?
zurück (?:zu[mr]?|zur) (?:übersicht|startseite|newsroom|blog|artikelübersicht|newsübersicht|news|nachrichten|liste|suche|trefferliste|homepage|kategorie|pressemitteilungen|archiv|presse|aktuelles|magazin|blogübersicht)
# fr
# "Article précédent : Titre", "Billet suivant", "Retour à la liste"
(?:précédent|précédente|suivant|suivante)\s?[:»›>|«‹<].{0,200}
(?:article|billet|page|actualité|publication|message) (?:précédent|précédente|suivant|suivante)(?: ?:? .{1,200})?
retour (?:à|au|aux) (?:l'accueil|l’accueil|la liste|la page d'accueil|l'actualité|l’actualité|les actualités|la rubrique|blog|sommaire|articles|la recherche|la une)
# es
# "Entrada anterior: Título", "Noticia siguiente", "Volver al listado"
(?:anterior|siguiente)\s?[:»›>|«‹<].{0,200}
(?:artículo|entrada|noticia|publicación|página|post) (?:anterior|siguiente)(?: ?:? .{1,200})?
volver (?:a|al) (?:inicio|portada|blog|listado|noticias|la portada|la lista|artículos|resultados|la página principal)
# it
# "Articolo precedente", "Post successivo: Titolo", "Torna alla home"
(?:precedente|successivo|successiva)\s?[:»›>|«‹<].{0,200}
(?:articolo|post|pagina|notizia) (?:precedente|successivo|successiva)(?: ?:? .{1,200})?
torna (?:a|al|alla|all'|all’|agli) ?(?:home|homepage|inizio|blog|elenco|notizie|lista|articoli|archivio)
# pt
# "Artigo anterior", "Próximo post: Título", "Voltar para o início"
(?:artigo|post|página|notícia|publicação) (?:anterior|seguinte)(?: ?:? .{1,200})?
(?:próximo|próxima) (?:artigo|post|página|notícia|publicação)(?: ?:? .{1,200})?
voltar (?:para|ao|à|a) (?:o )?(?:início|inicio|blog|lista|notícias|página inicial)
# nl
# "Vorig artikel", "Volgende bericht: Titel", "Terug naar overzicht"
(?:vorig|vorige|volgend|volgende) (?:artikel|bericht|pagina|nieuwsbericht|blog)(?: ?:? .{1,200})?
terug naar (?:het )?(?:overzicht|home|homepage|nieuws|blog|nieuwsoverzicht|boven)
