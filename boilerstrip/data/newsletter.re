# Newsletter calls to action printed inside or after the body ("Sign up for our newsletter",
# "Newsletter abonnieren"). Whole line, case-insensitive, regex; only lines up to
# NEWSLETTER_MAX_CHARS are checked. The opener of a promotion block ("Sign up to This is Europe")
# is found by these patterns too.
# en
never miss (?:the latest|a story|an update|a thing|out)[^.!?]{0,100}[.!]?
don't miss (?:the latest|a story|an update|out)[^.!?]{0,60}(?:sign up|subscribe)[^.!?]{0,60}[.!]?
(?:subscribe )?no,? thanks?[.!]?
thank you for (?:subscribing|signing up)[.!]?
you (?:have|'ve) (?:been )?(?:successfully|succesfully) (?:subscribed|signed up)[.!]?(?: thank you!?)?
stay (?:up to date|informed|in the loop|in touch)(?: with [\w'’ .&-]{1,40})?[.!]?(?: (?:sign up|subscribe)[.!]?)?
(?:sign up|subscribe|register)(?: now| today| here)?(?: for free)?[.!]?
(?:sign up|subscribe|register)(?: now| today| here)? (?:to|for) (?:our |the |my )?[\w'’&:,. -]{0,50}newsletters?(?: here| now| today)?[.!:]?
(?:sign up|subscribe) to [\w'’&: -]{1,40}
(?:get|receive) (?:our|the) [\w'’&:. -]{0,40}newsletter(?: in your inbox| delivered to your inbox)?[.!:]?
(?:get|receive|have) (?:the )?(?:latest |best |top )?[\w'’&:. -]{0,40} (?:sent |delivered )?(?:straight |directly )?to your inbox[.!:]?
(?:the |our )?(?:[\w'’&-]+ ){0,3}newsletter(?: sign[- ]?up)?
newsletter sign[- ]?up
(?:sign up|subscribe) for (?:free )?(?:email )?(?:updates|alerts)[.!]?
enter your email(?: address)?(?: here)?[.!:]?
your email address
(?:privacy notice|privacy policy): newsletters may contain info about charities, online ads, and content funded by outside parties\.?
after newsletter promotion
skip past newsletter promotion
# de
(?:immer |bestens )?informiert bleiben[.!]?
(?:hier |jetzt )?kostenlos (?:anmelden|registrieren|abonnieren)[.!]?
(?:vielen )?dank für (?:ihre|deine) anmeldung[.!]?
(?:bleiben sie|bleib) (?:auf dem laufenden|informiert)[.!]?
newsletter abonnieren[.!]?
(?:jetzt )?(?:(?:für )?(?:den |unseren )?[\w'’&:. -]{0,40})?newsletter (?:abonnieren|bestellen|anmelden)[.!]?
(?:jetzt )?(?:zum |für den )newsletter anmelden[.!]?
(?:jetzt )?kostenlos (?:anmelden|abonnieren)[.!]?
melden sie sich für (?:unseren|den) newsletter an[.!]?
# fr
merci (?:pour votre|de votre) inscription[.!]?
restez informés?[.!]?
(?:abonnez-vous|inscrivez-vous) (?:à|a) (?:notre|la) newsletter(?: [\w'’&:. -]{0,40})?[.!]?
(?:abonnez-vous|inscrivez-vous)(?: gratuitement)?[.!]?
(?:recevez|découvrez) notre newsletter[\w'’&:. -]{0,40}[.!]?
s'abonner à la newsletter
# es
gracias por (?:suscribirte|registrarte|tu suscripción)[.!]?
mantente informad[oa][.!]?
(?:suscríbete|suscribete|regístrate|apúntate) (?:a|en) (?:nuestro|nuestra|el|la) (?:boletín|newsletter)(?: [\w'’&:. -]{0,40})?[.!]?
(?:suscríbete|suscribete|regístrate)(?: gratis)?[.!]?
recibe (?:nuestro|nuestra|el|la) (?:boletín|newsletter)[\w'’&:. -]{0,40}[.!]?
# it
grazie per (?:l'iscrizione|esserti iscritto)[.!]?
resta aggiornat[oa][.!]?
(?:iscriviti|abbonati) (?:alla|alla nostra) newsletter(?: [\w'’&:. -]{0,40})?[.!]?
(?:iscriviti|abbonati)(?: gratis| gratuitamente)?[.!]?
ricevi (?:la nostra|la) newsletter[\w'’&:. -]{0,40}[.!]?
# pt
(?:assine|inscreva-se)(?: na| em nossa| na nossa)? newsletter[.!]?
# nl
(?:meld je aan|schrijf je in) voor (?:onze|de) nieuwsbrief[.!]?
