# My training and My calendar, Ukrainian.

nav-training = Моє навчання
nav-calendar = Мій календар
not-a-facilitator = Ваш обліковий запис ще не пов'язаний з ведучим. Зверніться до координатора.
training-title = Моє навчання
training-done-title = Пройдені модулі
training-done-line = { $module }: { $date }
training-expired = уже не дійсний
training-none = Ще немає записаних модулів.
training-roles-title = Мої ролі
training-role-ready = { $group } ({ $role }): можна вести зустрічі
training-role-missing = { $group } ({ $role }): ще потрібно: { $missing }
training-role-expiring = Скоро треба поновити: { $modules }
training-role-override = Координатор поки що дозволив цю роль.
supervision-title = Супервізії
supervision-line = { $date }: { $minutes } хв
supervision-none = Супервізій ще немає.
calendar-title = Мій календар
calendar-intro = Ваші зустрічі можуть бути в календарі вашого телефона, і там вони завжди будуть актуальні. Створіть своє особисте посилання, потім додайте його до календаря.
calendar-make = Створити посилання на мій календар
calendar-link-made = Ваше посилання на календар. Його показано лише зараз, і воно особисте: нікому його не давайте.
calendar-open = Додати до мого календаря
calendar-android = Android (Google Календар): на комп'ютері відкрийте calendar.google.com, виберіть «Інші календарі», «+», «З URL-адреси» і вставте посилання.
calendar-iphone = iPhone: торкніться «Додати до мого календаря» або відкрийте Параметри, Календар, Облікові записи, Додати обліковий запис, Інше, Додати календар за підпискою, і вставте посилання.
calendar-again = Якщо створити нове посилання, старе перестане працювати.

## The roll-call on a phone that may be offline
mark-pending = Ще не надіслано
mark-saved = Збережено
mark-refused = Не прийнято
mark-disagrees = Позначка від { $by }: { $mark }
log-pending = Перекличку буде надіслано, коли знову з'явиться зв'язок.

## Asking a coordinator to help with a call
escalate = Попросити координатора допомогти з цим дзвінком
escalated = Координаторам повідомлено. Вони зв'яжуться з вами.
interpreter-for = Був перекладач: { $language }
