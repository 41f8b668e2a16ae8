"""Demo course texts (Chinese and English), written from the domain brief's facts."""

# Each course: slug, topic, credit hours, type, sequential, zh/en texts, lessons, questions.
# Lesson: (slug, kind, seconds, zh title, en title, zh paragraphs, en paragraphs)
# Question: (kind, zh text, en text, [(zh, en, correct)], zh explanation, en explanation)

INSTRUCTORS = [
    (
        "陈立群",
        "Chen Liqun",
        "枫桥学院教授，枫桥经验研究中心主任",
        "Professor, Director of the Fengqiao Experience Research Centre",
    ),
    ("周海燕", "Zhou Haiyan", "诸暨市人民法院枫桥人民法庭庭长", "President of the Fengqiao People's Tribunal, Zhuji"),
    (
        "王建国",
        "Wang Jianguo",
        "绍兴市公安局社区警务支队副支队长",
        "Deputy head of community policing, Shaoxing Public Security Bureau",
    ),
]

COURSES = [
    {
        "slug": "fengqiao-history",
        "topic": "history",
        "hours": "2",
        "type": "required",
        "sequential": True,
        "instructors": [0],
        "zh": {
            "title": "“枫桥经验”的历史发展",
            "summary": "从1963年诸暨枫桥的创造到新时代的坚持和发展，系统梳理“枫桥经验”近六十年的历程。",
            "overview": "<p>本课程按时间顺序讲述“枫桥经验”的诞生、发展和创新，帮助学员理解其“发动和依靠群众，坚持矛盾不上交，就地解决”的核心要义。</p>",
            "objectives": "<ul><li>说出“枫桥经验”诞生的时间、地点和基本内容</li><li>理解各历史阶段的主要做法</li><li>把握新时代“枫桥经验”的定位</li></ul>",
        },
        "en": {
            "title": "The history of the Fengqiao Experience",
            "summary": "From its creation in Fengqiao, Zhuji in 1963 to its development in the new era: nearly sixty years of the Fengqiao Experience.",
            "overview": "<p>This course follows the Fengqiao Experience through time: how it was born, how it developed and how it is renewed, so that learners grasp its core — mobilise and rely on the people, do not pass disputes upward, resolve them on the spot.</p>",
            "objectives": "<ul><li>State when and where the Fengqiao Experience was created and what it is</li><li>Understand the main practices of each period</li><li>Grasp how the new-era Fengqiao Experience is defined</li></ul>",
        },
        "lessons": [
            (
                "origins-1963",
                "video",
                40,
                "1963年：经验的诞生",
                "1963: how the experience was born",
                [
                    "1963年，诸暨县枫桥区的干部群众在社会主义教育运动中，创造了“发动和依靠群众，坚持矛盾不上交，就地解决，实现捕人少，治安好”的经验。",
                    "毛泽东同志对此作出批示，要求各地仿效、试点推广。“枫桥经验”由此走向全国。",
                ],
                [
                    "In 1963, during the socialist education movement, cadres and people of Fengqiao district in Zhuji county created a way of working: mobilise and rely on the people, do not pass disputes upward, solve them on the spot — few arrests and good public order.",
                    "Mao Zedong endorsed it and asked for it to be tried and spread everywhere; from then on the Fengqiao Experience became known across the country.",
                ],
            ),
            (
                "reform-era",
                "reading",
                60,
                "改革开放以来的发展",
                "Development since reform and opening-up",
                [
                    "改革开放后，枫桥率先为全部改造好的“四类分子”摘帽，《人民日报》以“摘掉一顶帽子，调动几代人”为题作了报道。",
                    "20世纪八九十年代，面对市场经济和流动人口带来的新情况，枫桥坚持“打防教管”并举的社会治安综合治理，总结出“四前工作法”。",
                    "进入21世纪，枫桥建设“平安枫桥”，形成“四先四早”工作机制，成为“平安浙江”建设的重要组成部分。",
                ],
                [
                    "After 1978 Fengqiao was the first to remove the labels of all reformed “four types of elements”; People's Daily reported it at length under the headline “Remove one label, motivate generations”.",
                    "In the 1980s and 1990s, facing the market economy and migrant workers, Fengqiao combined striking, prevention, education and management in comprehensive public-security work and summed up the “four pre-” working method.",
                    "In the 2000s it built “Safe Fengqiao” and the “four firsts, four earlies” mechanism, part of the “Safe Zhejiang” drive.",
                ],
            ),
            (
                "new-era",
                "reading",
                60,
                "新时代“枫桥经验”",
                "The Fengqiao Experience in the new era",
                [
                    "党的十八大以来，“枫桥经验”在新时代得到坚持和发展：小事不出村、大事不出镇、矛盾不上交。",
                    "2018年11月，纪念毛泽东同志批示“枫桥经验”55周年之际，新时代“枫桥经验”被概括为“党领导人民创造的一整套行之有效的社会治理方案”，此后写入多项中央文件。",
                ],
                [
                    "Since 2012 the Fengqiao Experience has been upheld and developed: small matters stay in the village, big matters stay in the town, disputes are not passed upward.",
                    "In November 2018, at the 55th anniversary of Mao Zedong's instruction, the new-era Fengqiao Experience was defined as “a complete set of effective social governance programmes created by the Party leading the people”, and it was later written into several central documents.",
                ],
            ),
        ],
        "questions": [
            (
                "single",
                "“枫桥经验”诞生于哪一年？",
                "In which year was the Fengqiao Experience created?",
                [
                    ("1963年", "1963", True),
                    ("1978年", "1978", False),
                    ("2003年", "2003", False),
                    ("2013年", "2013", False),
                ],
                "1963年，诸暨县枫桥区干部群众创造了“枫桥经验”。",
                "It was created by cadres and people of Fengqiao, Zhuji county, in 1963.",
            ),
            (
                "single",
                "“枫桥经验”的核心要义是什么？",
                "What is the core of the Fengqiao Experience?",
                [
                    (
                        "发动和依靠群众，坚持矛盾不上交，就地解决",
                        "Mobilise and rely on the people, do not pass disputes upward, solve them on the spot",
                        True,
                    ),
                    ("依靠上级机关集中处理矛盾", "Let higher authorities handle disputes centrally", False),
                    ("以严厉打击为主", "Rely mainly on harsh punishment", False),
                ],
                "“枫桥经验”强调依靠群众、就地化解矛盾。",
                "It relies on the people and resolves disputes where they arise.",
            ),
            (
                "true_false",
                "改革开放后，枫桥率先为全部改造好的“四类分子”摘帽。",
                "After 1978 Fengqiao was the first to remove the labels of all reformed “four types of elements”.",
                [("正确", "True", True), ("错误", "False", False)],
                "《人民日报》曾以“摘掉一顶帽子，调动几代人”为题报道。",
                "People's Daily reported it under the headline “Remove one label, motivate generations”.",
            ),
            (
                "multiple",
                "新时代“枫桥经验”的通俗表述包括哪些？",
                "Which phrases describe the new-era Fengqiao Experience?",
                [
                    ("小事不出村", "Small matters stay in the village", True),
                    ("大事不出镇", "Big matters stay in the town", True),
                    ("矛盾不上交", "Disputes are not passed upward", True),
                    ("难事都上交", "Hard matters go upward", False),
                ],
                "“小事不出村、大事不出镇、矛盾不上交”是新时代的概括。",
                "“Small matters stay in the village, big matters in the town, disputes are not passed upward.”",
            ),
            (
                "single",
                "新时代“枫桥经验”在哪一年被概括为“党领导人民创造的一整套行之有效的社会治理方案”？",
                "In which year was the new-era Fengqiao Experience defined as a complete set of effective social governance programmes?",
                [("2018年", "2018", True), ("2008年", "2008", False), ("1993年", "1993", False)],
                "2018年11月纪念批示55周年时作出这一概括。",
                "The definition was given in November 2018, at the 55th anniversary.",
            ),
        ],
    },
    {
        "slug": "four-pre-method",
        "topic": "method",
        "hours": "1.5",
        "type": "required",
        "sequential": True,
        "instructors": [0],
        "zh": {
            "title": "“四前工作法”与“四先四早”",
            "summary": "学习枫桥在市场经济条件下总结的“四前工作法”和新世纪的“四先四早”机制。",
            "overview": "<p>“四前工作法”和“四先四早”是“枫桥经验”在不同阶段形成的预防化解矛盾的方法。本课程结合基层案例讲解其内涵和运用。</p>",
            "objectives": "<ul><li>复述“四前工作法”的四个环节</li><li>理解“四先四早”的工作要求</li><li>能在本单位运用预防为先的思路</li></ul>",
        },
        "en": {
            "title": "The “four pre-” method and the “four firsts, four earlies”",
            "summary": "The “four pre-” working method of the market-economy years and the “four firsts, four earlies” mechanism of the 2000s.",
            "overview": "<p>Both are ways of preventing and defusing disputes that the Fengqiao Experience developed in different periods. This course explains what they mean and how to apply them, with grassroots examples.</p>",
            "objectives": "<ul><li>Name the four steps of the “four pre-” method</li><li>Understand the requirements of the “four firsts, four earlies”</li><li>Apply prevention-first thinking in your own unit</li></ul>",
        },
        "lessons": [
            (
                "four-pre",
                "reading",
                60,
                "“四前工作法”",
                "The “four pre-” working method",
                [
                    "“四前工作法”即：组织建设走在工作前，预测工作走在预防前，预防工作走在调解前，调解工作走在激化前。",
                    "它把工作重心从事后处置转向事前预防，是20世纪90年代枫桥社会治安综合治理的重要经验。",
                ],
                [
                    "The “four pre-” method: organisation before work, forecasting before prevention, prevention before mediation, mediation before escalation.",
                    "It moved the focus from handling incidents afterwards to preventing them beforehand, and was a key lesson of Fengqiao's comprehensive public-security work in the 1990s.",
                ],
            ),
            (
                "four-firsts",
                "reading",
                60,
                "“四先四早”机制",
                "The “four firsts, four earlies” mechanism",
                [
                    "“四先四早”即：预警在先，苗头问题早消化；教育在先，重点对象早转化；控制在先，敏感时期早防范；调解在先，矛盾纠纷早处理。",
                    "这一机制在征地拆迁、企业改制、劳资纠纷增多的背景下形成，是“平安枫桥”建设的核心做法。",
                ],
                [
                    "Warning first, early digestion of signs; education first, early transformation of key persons; control first, early prevention in sensitive periods; mediation first, early handling of disputes.",
                    "It took shape as land acquisition, enterprise reform and labour disputes multiplied, and is the heart of “Safe Fengqiao”.",
                ],
            ),
            (
                "applying-methods",
                "reading",
                60,
                "在基层工作中的运用",
                "Applying the methods at the grassroots",
                [
                    "运用这些方法，关键是掌握社情民意：网格员走访、民情日记、定期研判，把矛盾发现在萌芽、化解在基层。",
                    "学员可结合本单位实际，列出近期可能出现的矛盾风险点，并确定预防责任人。",
                ],
                [
                    "Applying them starts with knowing people's conditions: grid workers' visits, diaries of people's conditions and regular assessment find disputes early and settle them locally.",
                    "Learners can list the dispute risks likely to arise in their own unit and name who is responsible for preventing each.",
                ],
            ),
        ],
        "questions": [
            (
                "single",
                "“四前工作法”中，“调解工作”应走在什么之前？",
                "In the “four pre-” method, mediation comes before what?",
                [("激化", "Escalation", True), ("预测", "Forecasting", False), ("组织建设", "Organisation", False)],
                "调解工作走在激化前。",
                "Mediation before escalation.",
            ),
            (
                "multiple",
                "下列哪些属于“四先四早”？",
                "Which belong to the “four firsts, four earlies”?",
                [
                    ("预警在先，苗头问题早消化", "Warning first, early digestion of signs", True),
                    ("调解在先，矛盾纠纷早处理", "Mediation first, early handling of disputes", True),
                    ("处罚在先，违法行为早打击", "Punishment first, early strikes", False),
                    ("教育在先，重点对象早转化", "Education first, early transformation of key persons", True),
                ],
                "“四先四早”是预警、教育、控制、调解四个“在先”。",
                "The four firsts are warning, education, control and mediation.",
            ),
            (
                "true_false",
                "“四前工作法”把工作重心从事后处置转向事前预防。",
                "The “four pre-” method moves the focus from afterwards to beforehand.",
                [("正确", "True", True), ("错误", "False", False)],
                "其精神就是预防为先。",
                "Its spirit is prevention first.",
            ),
            (
                "single",
                "“四先四早”机制是哪项建设的核心做法？",
                "The “four firsts, four earlies” are the heart of which effort?",
                [
                    ("平安枫桥", "Safe Fengqiao", True),
                    ("数字枫桥", "Digital Fengqiao", False),
                    ("美丽乡村", "Beautiful villages", False),
                ],
                "21世纪初枫桥建设“平安枫桥”，形成这一机制。",
                "It took shape in the “Safe Fengqiao” drive of the 2000s.",
            ),
            (
                "single",
                "“四前工作法”的第一个环节是什么？",
                "What is the first step of the “four pre-” method?",
                [
                    ("组织建设走在工作前", "Organisation before work", True),
                    ("调解走在激化前", "Mediation before escalation", False),
                    ("预防走在调解前", "Prevention before mediation", False),
                ],
                "第一个环节是组织建设走在工作前。",
                "The first step is organisation before work.",
            ),
        ],
    },
    {
        "slug": "mediation-practice",
        "topic": "mediation",
        "hours": "2",
        "type": "elective",
        "sequential": False,
        "instructors": [1],
        "zh": {
            "title": "矛盾纠纷调解实务",
            "summary": "人民调解、行政调解、司法调解如何衔接，三级矛盾调解中心如何运转。",
            "overview": "<p>本课程介绍“大调解”工作格局和绍兴县、镇、村三级矛盾调解中心的运行，讲解调解工作的基本方法。</p>",
            "objectives": "<ul><li>理解“大调解”格局</li><li>了解三级矛盾调解中心的分工</li><li>掌握调解的基本步骤</li></ul>",
        },
        "en": {
            "title": "Mediation in practice",
            "summary": "How people's, administrative and judicial mediation fit together, and how the three-level mediation centres work.",
            "overview": "<p>The “big mediation” structure and Shaoxing's county, town and village mediation centres, with the basic methods of mediation work.</p>",
            "objectives": "<ul><li>Understand the “big mediation” structure</li><li>Know the roles of the three levels of centres</li><li>Master the basic steps of mediation</li></ul>",
        },
        "lessons": [
            (
                "big-mediation",
                "reading",
                60,
                "“大调解”工作格局",
                "The “big mediation” structure",
                [
                    "2008年以后，枫桥探索把人民调解、行政调解、司法调解与社会调解结合起来，形成“大调解”格局。",
                    "各类调解力量分工合作、相互衔接，让群众“只进一扇门，最多跑一地”。",
                ],
                [
                    "After 2008 Fengqiao joined people's, administrative and judicial mediation with social mediation into one “big mediation” structure.",
                    "The different mediators share work and hand cases on to each other, so that people go through one door and to one place at most.",
                ],
            ),
            (
                "three-level-centres",
                "reading",
                60,
                "三级矛盾调解中心",
                "Three levels of mediation centres",
                [
                    "绍兴建设县级矛盾纠纷调处化解中心作为“终点站”，乡镇中心作为“主阵地”，村级调解组织作为“前哨所”。",
                    "目前90%以上的矛盾纠纷在镇村两级得到化解。",
                ],
                [
                    "Shaoxing built county centres as the “terminal”, town centres as the “main position” and village mediation as the “outpost”.",
                    "More than 90% of disputes are now resolved at town and village level.",
                ],
            ),
            (
                "mediation-steps",
                "reading",
                60,
                "调解的方法与步骤",
                "Methods and steps of mediation",
                [
                    "调解一般经过受理、了解情况、释法明理、提出方案、达成协议和回访六个步骤。",
                    "调解员要尊重当事人意愿，依法依规，做到情、理、法相结合。",
                ],
                [
                    "Mediation usually goes through six steps: accepting the case, learning the facts, explaining the law, proposing a solution, reaching an agreement and following up.",
                    "Mediators respect the parties' wishes, act within the law and combine feeling, reason and law.",
                ],
            ),
        ],
        "questions": [
            (
                "multiple",
                "“大调解”格局结合了哪些调解？",
                "Which kinds of mediation does “big mediation” join?",
                [
                    ("人民调解", "People's mediation", True),
                    ("行政调解", "Administrative mediation", True),
                    ("司法调解", "Judicial mediation", True),
                    ("网络投票", "Online voting", False),
                ],
                "人民调解、行政调解、司法调解与社会调解相结合。",
                "People's, administrative and judicial mediation joined with social mediation.",
            ),
            (
                "single",
                "在绍兴三级矛盾调解体系中，乡镇中心被称为什么？",
                "In Shaoxing's three levels, what is the town centre called?",
                [("主阵地", "Main position", True), ("终点站", "Terminal", False), ("前哨所", "Outpost", False)],
                "县级为终点站，乡镇为主阵地，村级为前哨所。",
                "County: terminal; town: main position; village: outpost.",
            ),
            (
                "true_false",
                "绍兴90%以上的矛盾纠纷在镇村两级化解。",
                "More than 90% of disputes in Shaoxing are resolved at town and village level.",
                [("正确", "True", True), ("错误", "False", False)],
                "这体现了矛盾就地化解。",
                "This is what resolving disputes locally means.",
            ),
            (
                "single",
                "调解的最后一个步骤通常是什么？",
                "What is usually the last step of mediation?",
                [
                    ("回访", "Follow-up", True),
                    ("受理", "Accepting the case", False),
                    ("立案起诉", "Filing a lawsuit", False),
                ],
                "达成协议后还要回访，巩固调解效果。",
                "After the agreement, a follow-up visit makes it last.",
            ),
            (
                "true_false",
                "调解员可以不顾当事人意愿强行作出决定。",
                "A mediator may impose a decision against the parties' wishes.",
                [("正确", "True", False), ("错误", "False", True)],
                "调解必须尊重当事人意愿。",
                "Mediation must respect the parties' wishes.",
            ),
        ],
    },
    {
        "slug": "fengqiao-police-station",
        "topic": "policing",
        "hours": "1.5",
        "type": "elective",
        "sequential": False,
        "instructors": [2],
        "zh": {
            "title": "“枫桥式派出所”建设",
            "summary": "警务管家、民情日记等做法如何让派出所扎根社区、服务群众。",
            "overview": "<p>本课程介绍“枫桥式派出所”的创建标准和典型做法。</p>",
            "objectives": "<ul><li>了解“枫桥式派出所”的内涵</li><li>学习警务管家和民情日记</li></ul>",
        },
        "en": {
            "title": "Building a Fengqiao-style police station",
            "summary": "How the “police butler”, the diary of people's conditions and other practices root a police station in its community.",
            "overview": "<p>The standards and typical practices of Fengqiao-style police stations.</p>",
            "objectives": "<ul><li>Understand what a Fengqiao-style police station is</li><li>Learn from the police butler and the diary of people's conditions</li></ul>",
        },
        "lessons": [
            (
                "model-station",
                "reading",
                60,
                "什么是“枫桥式派出所”",
                "What a Fengqiao-style police station is",
                [
                    "“枫桥式派出所”把“枫桥经验”运用到公安基层工作中，坚持预防在先、化解在早，做到“矛盾不上交、平安不出事、服务不缺位”。"
                ],
                [
                    "A Fengqiao-style police station applies the Fengqiao Experience to grassroots policing: prevention first and early resolution, so that disputes are not passed upward, nothing goes wrong and service is always there."
                ],
            ),
            (
                "police-butler",
                "reading",
                60,
                "警务管家",
                "The police butler",
                ["“警务管家”让社区民警像管家一样熟悉辖区，主动上门服务企业和群众，及时发现和化解矛盾隐患。"],
                [
                    "The “police butler” makes community officers know their area like a steward, visit firms and residents unasked and catch hidden disputes early."
                ],
            ),
            (
                "diary",
                "reading",
                60,
                "民情日记",
                "The diary of people's conditions",
                ["民情日记记录走访中了解到的群众诉求和矛盾线索，是掌握社情民意、跟踪办理的重要工具。"],
                [
                    "The diary of people's conditions records what residents ask for and any sign of a dispute met on visits, a key tool for knowing the community and following cases up."
                ],
            ),
        ],
        "questions": [
            (
                "single",
                "“警务管家”的主要做法是什么？",
                "What does the police butler mainly do?",
                [
                    ("主动上门服务、及时发现化解隐患", "Visits unasked and catches hidden disputes early", True),
                    ("只在所内等待报警", "Waits at the station for calls", False),
                    ("负责交通罚款", "Issues traffic fines", False),
                ],
                "警务管家强调主动服务。",
                "The police butler serves actively.",
            ),
            (
                "true_false",
                "民情日记用于记录群众诉求和矛盾线索。",
                "The diary of people's conditions records residents' requests and signs of disputes.",
                [("正确", "True", True), ("错误", "False", False)],
                "这是掌握社情民意的工具。",
                "It is a tool for knowing the community.",
            ),
            (
                "multiple",
                "“枫桥式派出所”追求哪些目标？",
                "Which goals does a Fengqiao-style police station pursue?",
                [
                    ("矛盾不上交", "Disputes not passed upward", True),
                    ("平安不出事", "Nothing goes wrong", True),
                    ("服务不缺位", "Service always there", True),
                    ("案件越多越好", "As many cases as possible", False),
                ],
                "三个“不”是创建目标。",
                "These three are its goals.",
            ),
            (
                "single",
                "“枫桥式派出所”工作的基本原则是？",
                "The basic principle of a Fengqiao-style station is…",
                [
                    ("预防在先、化解在早", "Prevention first, early resolution", True),
                    ("事后追责", "Blame afterwards", False),
                    ("集中上交", "Send everything upward", False),
                ],
                "预防在先、化解在早。",
                "Prevention first and early resolution.",
            ),
        ],
    },
    {
        "slug": "grassroots-rule-of-law",
        "topic": "rule_of_law",
        "hours": "1",
        "type": "required",
        "sequential": False,
        "instructors": [1],
        "zh": {
            "title": "基层法治建设",
            "summary": "司法所、人民法庭和乡贤参事会在自治、法治、德治结合中的作用。",
            "overview": "<p>本课程讲解基层法治力量如何与村民自治、乡贤参与相结合。</p>",
            "objectives": "<ul><li>了解司法所与人民法庭的职能</li><li>理解“三治融合”</li></ul>",
        },
        "en": {
            "title": "Rule of law at the grassroots",
            "summary": "What judicial offices, people's tribunals and councils of village sages do when self-government, law and virtue work together.",
            "overview": "<p>How grassroots legal bodies work with village self-government and local worthies.</p>",
            "objectives": "<ul><li>Know the roles of judicial offices and people's tribunals</li><li>Understand the integration of self-government, rule of law and rule of virtue</li></ul>",
        },
        "lessons": [
            (
                "judicial-office",
                "reading",
                60,
                "司法所与人民法庭",
                "Judicial offices and people's tribunals",
                ["“枫桥式司法所”“枫桥式人民法庭”把法律服务送到群众身边，诉前调解、巡回审判，让纠纷在基层依法化解。"],
                [
                    "Fengqiao-style judicial offices and people's tribunals bring legal services to people's doors: mediation before litigation and circuit hearings settle disputes lawfully at the grassroots."
                ],
            ),
            (
                "village-sages",
                "reading",
                60,
                "乡贤参事会",
                "Councils of village sages",
                ["乡贤参事会邀请德高望重的乡贤回归乡村治理，参与议事协商和矛盾调解。"],
                [
                    "Councils of village sages invite respected local figures back into village governance, to take part in deliberation and mediation."
                ],
            ),
            (
                "law-education",
                "reading",
                60,
                "法治宣传与“三治融合”",
                "Legal education and “three governances”",
                ["自治为基、法治为本、德治为先，三者融合是新时代“枫桥经验”的重要特征。"],
                [
                    "Self-government as the base, the rule of law as the root, virtue first: their integration marks the new-era Fengqiao Experience."
                ],
            ),
        ],
        "questions": [
            (
                "single",
                "“三治融合”指哪三治？",
                "Which three does “three governances” join?",
                [
                    ("自治、法治、德治", "Self-government, rule of law, rule of virtue", True),
                    ("政治、经济、文化", "Politics, economy, culture", False),
                    ("人治、法治、网治", "Rule of men, law and the web", False),
                ],
                "自治、法治、德治相结合。",
                "Self-government, rule of law and rule of virtue.",
            ),
            (
                "true_false",
                "乡贤参事会邀请乡贤参与议事协商和矛盾调解。",
                "Councils of village sages involve local worthies in deliberation and mediation.",
                [("正确", "True", True), ("错误", "False", False)],
                "这是乡贤参事会的作用。",
                "That is what the councils do.",
            ),
            (
                "multiple",
                "“枫桥式人民法庭”的做法有哪些？",
                "What do Fengqiao-style people's tribunals do?",
                [
                    ("诉前调解", "Mediation before litigation", True),
                    ("巡回审判", "Circuit hearings", True),
                    ("拒绝受理小额纠纷", "Refuse small claims", False),
                ],
                "诉前调解和巡回审判把服务送到身边。",
                "Pre-litigation mediation and circuit hearings bring justice close.",
            ),
            (
                "single",
                "在“三治融合”中，什么为本？",
                "In the three governances, which is the root?",
                [("法治", "The rule of law", True), ("德治", "Virtue", False), ("自治", "Self-government", False)],
                "自治为基、法治为本、德治为先。",
                "Self-government the base, law the root, virtue first.",
            ),
        ],
    },
    {
        "slug": "digital-governance",
        "topic": "digital",
        "hours": "1",
        "type": "elective",
        "sequential": False,
        "instructors": [0, 2],
        "zh": {
            "title": "数字化社会治理",
            "summary": "城市大脑、四级联动指挥、全科网格和“枫桥指数”如何让治理更精准。",
            "overview": "<p>本课程介绍绍兴以数字化手段推动“枫桥经验”全域化的做法。</p>",
            "objectives": "<ul><li>了解四级联动指挥体系</li><li>理解“枫桥指数”的作用</li></ul>",
        },
        "en": {
            "title": "Digital governance",
            "summary": "How the city brain, four-level command, full-coverage grids and the Fengqiao Index make governance more precise.",
            "overview": "<p>How Shaoxing uses digital means to spread the Fengqiao Experience across the whole city.</p>",
            "objectives": "<ul><li>Know the four-level linked command system</li><li>Understand what the Fengqiao Index is for</li></ul>",
        },
        "lessons": [
            (
                "city-brain",
                "reading",
                60,
                "城市大脑与四级联动",
                "The city brain and four-level command",
                ["绍兴依托城市大脑，建立市、县、镇、村四级联动指挥体系，实现事件统一受理、分级处置。"],
                [
                    "Built on the city brain, Shaoxing links city, county, town and village in one command system: one place to report, handling at the right level."
                ],
            ),
            (
                "grid",
                "reading",
                60,
                "全科网格",
                "Full-coverage grids",
                [
                    "全科网格把辖区划分为若干网格，网格员负责信息采集、矛盾排查和服务代办，做到“网中有格、格中有人、人负其责”。"
                ],
                [
                    "Full-coverage grids divide an area into cells; each grid worker collects information, looks for disputes and runs errands, so every cell has a responsible person."
                ],
            ),
            (
                "fengqiao-index",
                "reading",
                60,
                "“枫桥指数”",
                "The Fengqiao Index",
                ["“枫桥指数”按月发布，用数据反映各地矛盾纠纷化解和平安建设情况，推动治理从“盆景”走向“风景”。"],
                [
                    "The monthly Fengqiao Index shows in figures how each place resolves disputes and keeps the peace, taking good governance “from bonsai to landscape”."
                ],
            ),
        ],
        "questions": [
            (
                "single",
                "绍兴四级联动指挥体系包括哪四级？",
                "Which four levels does Shaoxing's linked command cover?",
                [
                    ("市、县、镇、村", "City, county, town, village", True),
                    ("省、市、县、镇", "Province, city, county, town", False),
                    ("县、镇、村、组", "County, town, village, team", False),
                ],
                "市、县、镇、村四级联动。",
                "City, county, town and village.",
            ),
            (
                "true_false",
                "“枫桥指数”每月发布一次。",
                "The Fengqiao Index is published every month.",
                [("正确", "True", True), ("错误", "False", False)],
                "枫桥指数按月发布。",
                "It is monthly.",
            ),
            (
                "multiple",
                "网格员的职责包括哪些？",
                "What do grid workers do?",
                [
                    ("信息采集", "Collect information", True),
                    ("矛盾排查", "Look for disputes", True),
                    ("服务代办", "Run errands for residents", True),
                    ("审理案件", "Try court cases", False),
                ],
                "网格员负责采集、排查和代办，不审理案件。",
                "They collect, check and help; they do not try cases.",
            ),
            (
                "single",
                "“从盆景到风景”指的是什么？",
                "What does “from bonsai to landscape” mean?",
                [
                    ("把好做法推广到全域", "Spreading good practice everywhere", True),
                    ("发展园林产业", "Developing gardening", False),
                    ("美化村容村貌", "Beautifying villages", False),
                ],
                "指“枫桥经验”从个别示范走向全域。",
                "From single showcases to the whole territory.",
            ),
        ],
    },
]
