# App-download calls to action and store badges ("DOWNLOAD THE APP", "Get it on Google Play",
# "app-storeplay-store"). Whole line, case-insensitive, regex. Lines longer than
# APP_PROMO_MAX_CHARS are never checked.
# en
download (?:the|our) (?:[\w&.-]+ )?app(?: now| today| for free)?[.!]?
(?:get started now|get started|go further|stay informed|stay updated): download (?:the|our) (?:[\w&.-]+ )?app[.!]?
(?:get|download) (?:the|our) (?:free )?(?:[\w&.-]+ )?app(?: on| from)? (?:ios|android|ios and android|iphone|the app store|google play)[.!]?
get it on google play
download on the app store
available on the app store
available on google play
get it on the app store
app[ -]?store ?(?:and |& |/ ?)?(?:google )?play[ -]?store
play[ -]?store ?(?:and |& |/ ?)?app[ -]?store
(?:apple )?app store
google play(?: store)?
(?:read|continue|open) (?:this|the full) (?:story|article) in (?:the|our) app
(?:[^.?!]{0,120}[?!.] )?download (?:the |our )?[\w&.-]{1,30} app (?:today|now)[^.?!]{0,120}[.!]?
# de
(?:jetzt )?(?:die |unsere )?(?:[\w&.-]+[- ])?app (?:jetzt )?(?:herunterladen|laden|installieren)[.!]?
(?:jetzt )?im app store (?:laden|herunterladen)
jetzt bei google play
# fr
(?:téléchargez|télécharger) (?:l'|notre )application(?: [\w&.-]+)?(?: gratuitement)?[.!]?
disponible sur (?:l'app store|google play)
télécharger dans l'app store
# es
(?:descarga|descargar|descárgate) (?:la|nuestra) app(?:licación)?(?: [\w&.-]+)?(?: gratis)?[.!]?
disponible en (?:google play|(?:la )?app store)
consíguelo en google play
# it
(?:scarica|scaricare) (?:l'|la nostra )app(?: [\w&.-]+)?(?: gratis)?[.!]?
disponibile su (?:google play|app store)
