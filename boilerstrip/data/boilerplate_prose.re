# End-of-article boilerplate written as a sentence: licence notices, affiliate and advertising
# disclosures, newsletter / app / channel pitches in prose, consent check-box texts, paywall and browser notices. Whole line (fullmatch),
# case-insensitive; every unbounded part is a bounded .{0,N} so matching stays linear.
# Every pattern contains one of BOILERPLATE_HINTS (rules/boilerplate.py), a cheap pre-filter.
# -- licence notices (en, de, fr, es, it, pt, nl). Not "All rights reserved" / "Disclaimer: ..."
# lines, nor "This article was originally published in ...": gold bodies keep those as part of
# the article often enough (a copyright line under a news story, an investment disclaimer).
# (only about this page: "this work", "Texte auf dieser Webseite", "Dieser Text"; a news story
# about photos released under a CC licence stays)
(?=.{0,300}\b(?:this|these|dieser|diese|dieses|text|texte|inhalte?|content|work|werk|article|artikel|beitrag|post|page|seite|site|webseite|website|blog|obra|opera|œuvre|contenu|contenido|contenuto|deze)\b).{0,200}(?:creative commons|cc[ -]by\b).{0,120}(?:licen[cs]|lizenz|licencia|licenza|licença|licentie).{0,200}
(?=.{0,300}\b(?:this|these|dieser|diese|dieses|text|texte|inhalte?|content|work|werk|article|artikel|beitrag|post|page|seite|site|webseite|website|blog|obra|opera|œuvre|contenu|contenido|contenuto|deze)\b).{0,200}(?:licen[cs]\w*|lizenz\w*|licencia|licenza|licença|licentie)\b.{0,120}(?:creative commons|cc[ -]by\b).{0,200}
# -- affiliate / advertising disclosures
(?:note: )?(?:the )?(?:advertising|affiliate) (?:disclaimer|disclosure)\b.{0,400}
.{0,80}\bwe (?:may )?(?:receive|earn|get) (?:a )?(?:small )?(?:compensation|commission|affiliate commission|share of sales)\b.{0,300}
für links auf dieser seite erhält .{1,40}(?:eine )?provision.{0,200}
(?:dieser (?:artikel|beitrag|text) enthält|this (?:post|article|page) (?:contains|may contain|includes)|(?:mit )?\* gekennzeichnete) .{0,20}(?:affiliate|partner|werbe|provisions)[- ]?links?.{0,250}
# -- paywall, browser and javascript notices
to (?:view|read|continue reading) the (?:full|rest of the|whole) (?:story|article),? (?:please )?(?:subscribe|log in|sign in|register).{0,200}
subscribe (?:now )?(?:to|for) .{1,60} (?:for|to read) the full (?:story|article)[.!]?
.{0,100}you are using a browser version with limited support.{0,300}
.{0,80}(?:your browser is out of date|ihr browser ist veraltet|please (?:enable|turn on) javascript|bitte aktivieren sie javascript|javascript (?:is|must be) (?:disabled|enabled)).{0,200}
# -- newsletter pitches written as prose: an imperative that starts the line or a sentence, a
# possessive ("our newsletter"), or "newsletter ... abonnieren" (prose *about* newsletters stays)
(?:.{0,200}[.!?:…] )?(?:abonnieren sie|abonniere|melden sie sich|melde dich|meld dich|trag dich|tragen sie sich|holen sie sich|hol dir|subscribe|sign up|get the|get our|inscrivez-vous|abonnez-vous|inscris-toi|abonne-toi|suscríbete|suscríbase|suscribite|iscriviti|abbonati|assine|inscreva-se|enter your e-?mail)\b.{0,200}newsletter.{0,200}
.{0,200}newsletter.{0,60} (?:hier |jetzt |now |here |today |gratis |kostenlos )?(?:abonnieren|bestellen|anmelden|subscribe|sign up|s'abonner|s'inscrire|suscribirse|iscriversi)\b.{0,200}
.{0,200}newsletter.{0,120} in (?:deinen|ihren|your|votre|tu|su) (?:posteingang|inbox|boîte)\b.{0,200}
.{0,150}\b(?:unseren?|unserem|our|notre|nos|nuestro|nuestra|il nostro|la nostra|nossa|nosso|onze) (?:\w+ ){0,2}\w{0,20}newsletter\w{0,4}\b.{0,150}
.{0,200}enter your e-?mail(?: address)? (?:below |here )?to (?:receive|get|subscribe).{0,250}
# -- app and channel pitches
.{0,150}(?:apps? for (?:ios|iphone) and android|apps? (?:im|in the|on the|auf) (?:app store|google play)|straight to your phone with the .{1,40}app|download (?:the|our) .{1,40} apps? (?:for|on|from) ).{0,150}
.{0,100}(?:our|unseren?|nuestro|notre|il nostro|nosso|tenemos|tenemos un) (?:canal|channel|kanal|chaîne|canale) (?:de |on |auf |en |su |sur |no )?(?:youtube|telegram|whatsapp|instagram|tiktok)\b.{0,150}
(?:follow us|folge uns|folgen sie uns|suivez-nous|síguenos|seguici|siga-nos) (?:on|auf|bei|sur|en|su|no) .{1,150}
# -- blog post meta lines ("This entry was posted in News and tagged x. Bookmark the permalink.")
(?:this entry was posted|dieser eintrag wurde (?:am .{1,40} )?veröffentlicht|cette entrée a été publiée|esta entrada fue publicada|questa voce è stata pubblicata|este post foi publicado)\b.{1,300}
.{0,200}\b(?:bookmark the permalink|permalink|lesezeichen für den permalink)\b.{0,40}
# -- support appeals ("Unterstützen Sie diese Form des Journalismus.", "Support our work with $5")
(?:.{0,120}[.!?:] )?(?:unterstützen sie|unterstütze|unterstützt|support|soutenez|soutiens|apoya|apoye|sostieni|sostenete|apoie)\b.{0,60}\b(?:journalismus|journalism|journalisme|periodismo|giornalismo|jornalismo|unsere arbeit|our work|notre travail|nuestro trabajo|il nostro lavoro|o nosso trabalho|(?:mit|with|ab|from|avec|con|com) (?:nur |only |just )?[$€£]?\d).{0,150}
# -- consent check-box texts (a first-person agreement about data, e-mail or privacy)
(?:ich|i|yes,? i|ja,? ich) (?:bin (?:damit )?(?:mit .{1,80})?einverstanden|akzeptiere|stimme .{1,80}zu|agree|accept|consent|have read and (?:agree|accept)|habe .{1,60}gelesen)\b(?=.{0,400}(?:datenschutz|privacy|daten|e-mail|newsletter|terms|bedingungen|einwilligung|consent)).{0,500}
(?:j'accepte|acepto|he leído y acepto|accetto|ho letto e accetto)\b(?=.{0,400}(?:données|datos|dati|privacidad|privacy|confidentialité|conditions|condiciones|condizioni)).{0,400}
# -- invitations to comment or write in, and comment login prompts
we(?:'d| would)? (?:want|like|love) to hear (?:what you think|from you|your thoughts).{0,300}
(?:verraten sie|schreiben sie|sagen sie|erzählen sie|verrate|schreib|let us know|tell us|dites-nous|cuéntanos|cuéntenos|diteci)(?: uns| us| gerne| gern)* .{0,60}(?:in den kommentaren|in the comments|en los comentarios|dans les commentaires|nei commenti)\b.{0,300}
(?:para comentar|to comment|to leave a comment|um zu kommentieren|um einen kommentar|pour commenter|per commentare),? .{0,80}(?:debes|you (?:must|need to|have to)|müssen sie|musst du|vous devez|devi) .{1,150}
