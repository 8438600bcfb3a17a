// The sources and Javadoc jars an IDE downloads next to each published jar, in the repository this
// consumer resolved certtrack from.
import java.util.zip.ZipFile

def version = certtrackVersion
def expected = [
        'certtrack-core'      : ['sources': 'org/certtrack/CertTrack.java', 'javadoc': 'org/certtrack/CertTrack.html'],
        'certtrack-seed'      : ['sources': 'org/certtrack/seed/Seeder.java', 'javadoc': 'org/certtrack/seed/Seeder.html'],
        'certtrack-migrations': ['sources': 'org/certtrack/db/migration/V1__create_certtrack_schema.sql', 'javadoc': 'index.html'],
]
expected.each { artifact, entries ->
    entries.each { classifier, entry ->
        def jar = new File(localRepositoryPath, "org/certtrack/${artifact}/${version}/${artifact}-${version}-${classifier}.jar")
        assert jar.isFile(): "${artifact} has no -${classifier}.jar: ${jar} is missing"
        new ZipFile(jar).withCloseable { zip ->
            assert zip.getEntry(entry) != null: "${jar.name} lacks ${entry}"
        }
    }
}
return true
