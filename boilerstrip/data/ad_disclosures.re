# Ad, affiliate and sponsorship disclosures printed above an article ("Anzeige, enthält
# Affiliate Links", "Sponsored by Acme", "Werbung | unbezahlt"): headline-shaped, never the title.
# Whole line, case-insensitive. A line whose first part (before ",", ":", "|", "–", "(" ...) is an
# ad label of ad_markers.txt ("Anzeige, ...", "Publicité : ...") is recognised in rules/header_title.py.
# en
(?:this (?:post|article|page) )?(?:contains|includes|may contain) (?:affiliate|sponsored|paid) (?:links?|content|ads?|advertising).{0,80}
(?:sponsored content|sponsored|presented|brought to you|paid for|supported) by .{1,80}
in (?:partnership|association|collaboration) with .{1,80}
(?:affiliate links?|affiliate disclosure|advertiser disclosure|paid partnership|paid post|partner content|advertorial)(?:\s?[,:|–—(/-].{0,120})?
# de
(?:dieser (?:beitrag|artikel) )?(?:enthält|beinhaltet) (?:affiliate[ -]links?|werbung|werbelinks|partnerlinks|provisionslinks).{0,80}
(?:inhalt |beitrag )?(?:gesponsert|präsentiert|unterstützt) (?:von|durch) .{1,80}
in (?:kooperation|zusammenarbeit|partnerschaft) mit .{1,80}
(?:unbezahlte |bezahlte )?(?:werbung|produktplatzierung|werbelink|affiliate[ -]links?|partnerlinks?)(?: (?:wegen|durch|da|weil) .{1,80}|\s?[,:|–—(/-].{0,120})
# fr
(?:cet article |ce billet )?(?:contient|comprend) (?:des )?(?:liens? (?:affiliés?|sponsorisés?|d'affiliation|commerciaux)|publicités?).{0,80}
(?:contenu |article )?(?:sponsorisé|présenté|proposé|soutenu|parrainé) par .{1,80}
en (?:partenariat|collaboration) avec .{1,80}
(?:article sponsorisé|contenu sponsorisé|publi-?rédactionnel|lien affilié|liens affiliés|partenariat rémunéré)(?:\s?[,:|–—(/-].{0,120})?
# es
(?:este (?:artículo|post) )?(?:contiene|incluye) (?:enlaces? (?:de afiliados?|afiliados?|patrocinados?)|publicidad).{0,80}
(?:contenido |artículo )?(?:patrocinado|presentado|ofrecido) por .{1,80}
en (?:colaboración|asociación) con .{1,80}
(?:contenido patrocinado|artículo patrocinado|enlaces? de afiliados?|publirreportaje)(?:\s?[,:|–—(/-].{0,120})?
# it
(?:questo (?:articolo|post) )?(?:contiene|include) (?:link (?:di )?affiliazione|link affiliati|link sponsorizzati|pubblicità).{0,80}
(?:contenuto |articolo )?(?:sponsorizzato|presentato|offerto) da .{1,80}
in collaborazione con .{1,80}
(?:contenuto sponsorizzato|articolo sponsorizzato|link di affiliazione|link affiliati|publiredazionale)(?:\s?[,:|–—(/-].{0,120})?
# pt
(?:conteúdo |artigo )?(?:patrocinado|apresentado|oferecido) por .{1,80}
(?:conteúdo patrocinado|publieditorial|links? de afiliados?)(?:\s?[,:|–—(/-].{0,120})?
# nl
(?:gesponsord|aangeboden|gepresenteerd) door .{1,80}
(?:gesponsorde inhoud|affiliate links?|advertorial)(?:\s?[,:|–—(/-].{0,120})?
