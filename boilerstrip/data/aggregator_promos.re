# Feature promos that news aggregators and readers print between the article and the page
# furniture ("Try Our AI Features", "Explore what Daily8 AI can do for you:"). Whole line,
# case-insensitive, regex (`regex` module). Only short lines are checked (PROMO_MAX_CHARS).
# en
try (?:our|the) (?:new )?ai(?:-powered)? (?:features?|tools?|assistant|summary)
explore what [\w .'&-]{1,40} can do for you:?
(?:get|read) (?:an? )?ai(?:-generated)? summary
(?:try|discover|explore) (?:our|the) (?:new )?(?:features?|tools?)!?
summari[sz]e (?:this|the) (?:article|story) with ai
# de
(?:teste|testen sie|entdecke|entdecken sie) (?:unsere|die) (?:neuen )?ki-?(?:funktionen|features|tools)
entdecke(?:n sie)?, was [\w .'&-]{1,40} für (?:dich|sie) tun kann:?
# fr
(?:essayez|découvrez) nos (?:nouvelles )?fonctionnalités (?:d'|de l')?ia
découvrez ce que [\w .'&-]{1,40} peut faire pour vous ?:?
# es
(?:prueba|descubre) nuestras (?:nuevas )?funciones de ia
descubre (?:lo )?que [\w .'&-]{1,40} puede hacer por ti:?
# it
(?:prova|scopri) le nostre (?:nuove )?funzionalità (?:di )?ia
scopri cosa [\w .'&-]{1,40} può fare per te:?
