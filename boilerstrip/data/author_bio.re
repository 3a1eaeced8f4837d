# Author bios printed at the end of an article (the author box): a name and a bio verb with a
# role ("Jane Doe is a senior writer for X", "Max Muster leitet das Ressort Y"), or a first-person
# self-introduction ("Hallo, ich bin Foodbloggerin", "I'm Jane, the mom behind this blog").
# Whole line, case-insensitive; only tested on the last lines of the body (rules/boilerplate.py).
# -- third person: Name (2-4 capitalised words) + verb + a role word within the sentence
# en
(?-i:[A-ZÀ-Þ][\w.'’-]+(?: [A-ZÀ-Þ][\w.'’-]+){1,3}) (?:is|was|has been|works as|writes|covers|reports) (?:a |an |the )?.{0,80}\b(?:writer|journalist|editor|reporter|correspondent|columnist|contributor|author|professor|lecturer|researcher|blogger|photographer|producer|host|analyst|fellow|founder|expert|consultant|freelancer|student)s?\b.{0,500}
# de
(?-i:[A-ZÀ-Þ][\w.'’-]+(?: [A-ZÀ-Þ][\w.'’-]+){1,3}) (?:ist|war|leitet|arbeitet|schreibt|betreut|studierte|lebt) .{0,80}\b(?:redakteur|redakteurin|journalist|journalistin|autor|autorin|korrespondent|korrespondentin|kolumnist|kolumnistin|ressort|redaktion|experte|expertin|bloggerin|blogger|fotograf|fotografin|professor|professorin|gründer|gründerin|berater|beraterin|volontär|volontärin|freiberufler\w*)\b.{0,500}
# fr / es / it
(?-i:[A-ZÀ-Þ][\w.'’-]+(?: [A-ZÀ-Þ][\w.'’-]+){1,3}) (?:est|es|è|fue|était|era) .{0,80}\b(?:journaliste|rédacteur|rédactrice|auteur|autrice|correspondant|correspondante|periodista|redactor|redactora|autor|autora|corresponsal|giornalista|redattore|redattrice|autore|autrice|corrispondente)\b.{0,500}
# -- first person self-introductions (a blog's author box)
(?:hallo|hallo zusammen|hi|hey|hello|salut|bonjour|hola|ciao)[,!]? (?:ich bin|i'm|i am|my name is|mein name ist|je suis|je m'appelle|soy|me llamo|sono|mi chiamo) .{1,600}
(?:ich bin|i'm|i am|my name is|mein name ist|je m'appelle|me llamo|mi chiamo) (?-i:[A-ZÀ-Þ][\w'’-]+)[,.] .{0,600}
(?:als|as) .{1,60} (?:betreue|schreibe|leite|blogge) ich .{1,600}
(?:my|this) blog (?:is (?:all )?about|is full of|is where|covers) .{1,600}
(?:auf diesem|in diesem) blog (?:schreibe|teile|zeige|erzähle) ich .{1,600}
